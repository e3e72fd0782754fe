namespace Tanaka.Crdt.Encoding;

/// <summary>How lib0 classifies a JavaScript number when it chooses an Any tag.</summary>
internal static class AnyNumber
{
    private const double MaxInt31 = int.MaxValue;

    /// <summary>An integral value of magnitude at most 2^31 - 1 (negative zero included): tag 125.</summary>
    public static bool IsSmallInteger(double value) =>
        Math.Abs(value) <= MaxInt31 && Math.Truncate(value) == value;

    /// <summary>A value that survives a float32 round trip (NaN never does): tag 124.</summary>
    public static bool IsFloat32(double value) => (double)(float)value == value;
}
