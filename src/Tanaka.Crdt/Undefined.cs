namespace Tanaka.Crdt;

/// <summary>JavaScript's <c>undefined</c>, which the Any encoding can carry (tag 127).</summary>
public sealed class Undefined
{
    public static readonly Undefined Value = new();

    private Undefined()
    {
    }

    public override string ToString() => "undefined";
}
