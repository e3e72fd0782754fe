namespace Tanaka.Crdt.Updates;

/// <summary>One input of a merge: its structs (Skips left out) and the next one to take.</summary>
internal sealed class MergeCursor(int input, EncodedStruct[] structs, int count)
{
    private int _index;

    /// <summary>Which input the structs come from (their positions refer to it).</summary>
    public int Input { get; } = input;

    public bool HasCurrent => _index < count;

    public ref EncodedStruct Current => ref structs[_index];

    public bool MoveNext() => ++_index < count;
}
