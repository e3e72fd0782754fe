using System.Security.Cryptography;
using System.Text;

namespace Tanaka.Server.Domain;

/// <summary>The one way a token becomes what storage keeps and looks up.</summary>
public static class TokenHash
{
    public const int Length = SHA256.HashSizeInBytes;

    /// <summary>SHA-256 of the token's UTF-8 bytes. Tokens are random and long, so an unsalted fast hash is enough.</summary>
    public static byte[] Of(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return SHA256.HashData(Encoding.UTF8.GetBytes(token));
    }
}
