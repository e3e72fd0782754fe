namespace Tanaka.Crdt.Encoding;

/// <summary>
/// lib0's run-length coded u8 column (update v2 info and parent info): a value, then the run
/// length minus one whenever more bytes follow; the last run repeats forever.
/// </summary>
internal ref struct ByteRleReader(ReadOnlySpan<byte> column, long baseOffset)
{
    private Lib0Reader _reader = new(column, baseOffset);
    private byte _value;
    private ulong _count;
    private bool _forever;

    public byte Read()
    {
        if (_count == 0 && !_forever)
        {
            _value = _reader.ReadU8();
            if (_reader.IsAtEnd)
            {
                _forever = true;
            }
            else
            {
                _count = _reader.ReadVarUInt() + 1;
            }
        }

        if (!_forever)
        {
            _count--;
        }

        return _value;
    }
}

/// <summary>
/// lib0's "UintOptRle" column: a run of one value v is <c>varint v</c>, a longer run is
/// <c>varint -v</c> (negative zero for 0) and <c>varuint count - 2</c>.
/// </summary>
internal ref struct UintOptRleReader(ReadOnlySpan<byte> column, long baseOffset)
{
    private Lib0Reader _reader = new(column, baseOffset);
    private ulong _value;
    private ulong _count;

    /// <summary>For a string column: the var-string that precedes the lengths.</summary>
    public ReadOnlySpan<byte> ReadLeadingString() => _reader.ReadStringUtf8();

    public ulong Read()
    {
        if (_count == 0)
        {
            var value = _reader.ReadVarInt(out var negative);
            _value = (ulong)Math.Abs(value);
            _count = 1;
            if (negative)
            {
                _count = _reader.ReadVarUInt() + 2;
            }
        }

        _count--;
        return _value;
    }
}

/// <summary>
/// lib0's "IntDiffOptRle" column (clocks in update v2): each value is stored as the difference
/// to the previous one; the stored var-int is <c>diff * 2 + (run > 1 ? 1 : 0)</c>, followed by
/// <c>varuint run - 2</c> for runs.
/// </summary>
internal ref struct IntDiffOptRleReader(ReadOnlySpan<byte> column, long baseOffset)
{
    private Lib0Reader _reader = new(column, baseOffset);
    private long _value;
    private long _diff;
    private ulong _count;

    public long Read()
    {
        if (_count == 0)
        {
            var stored = _reader.ReadVarInt();
            _diff = stored >> 1;
            _count = 1;
            if ((stored & 1) != 0)
            {
                _count = _reader.ReadVarUInt() + 2;
            }
        }

        // Values stay within ±2^53 (each difference does), so the sum cannot overflow a long.
        _value = Math.Clamp(_value + _diff, -(long)Id.MaxSafeInteger * 2, (long)Id.MaxSafeInteger * 2);
        _count--;
        return _value;
    }
}
