namespace Tanaka.Crdt.Structs;

/// <summary>
/// Text content. Its length is in UTF-16 code units, as in JavaScript. Splitting between the
/// halves of a surrogate pair replaces both halves with U+FFFD, as Yjs does.
/// </summary>
public sealed class StringContent(string text) : Content
{
    public override ContentRef Ref => ContentRef.String;

    public string Text { get; private set; } = text;

    public override ulong Length => (ulong)Text.Length;

    public override Content Splice(ulong offset)
    {
        var o = (int)offset;
        var left = Text[..o];
        var right = Text[o..];
        if (o > 0 && char.IsHighSurrogate(Text[o - 1]))
        {
            left = string.Concat(left.AsSpan(0, o - 1), "\uFFFD");
            right = string.Concat("\uFFFD", right.AsSpan(1));
        }

        Text = left;
        return new StringContent(right);
    }

    public override bool TryAppend(Content right)
    {
        if (right is not StringContent s)
        {
            return false;
        }

        Text += s.Text;
        return true;
    }

    public override Content Copy() => new StringContent(Text);
}
