using Tanaka.Crdt.Encoding;

namespace Tanaka.Crdt.Updates;

/// <summary>
/// Collects structs client block by client block when the number of structs per block is
/// not known in advance (as Yjs's lazy struct writer does): a new block starts whenever the
/// client changes, and <see cref="Finish"/> writes the block count and each block's size.
/// </summary>
internal sealed class BlockWriter
{
    private readonly Lib0Writer _body = new(1024);
    private readonly List<(int End, int Count)> _blocks = [];
    private ulong _client;
    private int _count;

    /// <summary>Bytes written so far.</summary>
    public int Length => _body.Length;

    /// <summary>Starts a struct of <paramref name="client"/> that begins at <paramref name="clock"/>; returns the writer to write it with.</summary>
    public Lib0Writer Begin(ulong client, ulong clock)
    {
        if (_count > 0 && client != _client)
        {
            Flush();
        }

        if (_count == 0)
        {
            _client = client;
            _body.WriteVarUInt(client);
            _body.WriteVarUInt(clock);
        }

        _count++;
        return _body;
    }

    /// <summary>Writes the client count and every block into <paramref name="output"/>.</summary>
    public void Finish(Lib0Writer output)
    {
        Flush();
        output.WriteVarUInt((ulong)_blocks.Count);
        var start = 0;
        var body = _body.WrittenSpan;
        foreach (var (end, count) in _blocks)
        {
            output.WriteVarUInt((ulong)count);
            output.WriteRaw(body[start..end]);
            start = end;
        }
    }

    private void Flush()
    {
        if (_count > 0)
        {
            _blocks.Add((_body.Length, _count));
            _count = 0;
        }
    }
}
