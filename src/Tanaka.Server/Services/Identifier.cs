using System.Buffers;

namespace Tanaka.Server.Services;

/// <summary>
/// The shape of ids clients choose (device ids) and operators choose (workspace ids): 1 to 64
/// characters of <c>A-Z a-z 0-9 . _ : -</c>. Safe in logs, paths and error messages.
/// </summary>
public static class Identifier
{
    public const int MaxLength = 64;

    /// <summary>The rule in words, for error messages.</summary>
    public const string Rule = "1 to 64 characters of A-Z a-z 0-9 . _ : -";

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-");

    public static bool IsValid(string? value) =>
        value is { Length: > 0 and <= MaxLength } && !value.AsSpan().ContainsAnyExcept(Allowed);
}
