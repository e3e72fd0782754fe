using System.Buffers.Text;
using System.Security.Cryptography;

namespace Tanaka.Server.Services;

/// <summary>The form of access tokens: a recognisable prefix and 256 random bits in base64url.</summary>
public static class AccessToken
{
    /// <summary>Lets people and secret scanners recognise a Tanaka token.</summary>
    public const string Prefix = "tanaka_";

    public const int RandomBytes = 32;

    /// <summary>Longer presented tokens are refused before hashing; real ones are about 50 characters.</summary>
    public const int MaxPresentedLength = 512;

    public static string Generate() =>
        Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));
}
