using System.Buffers.Binary;
using System.Collections;
using System.Runtime.CompilerServices;

namespace Tanaka.Crdt.Encoding;

/// <summary>Writes lib0 primitives into a growable buffer, exactly as lib0's encoder does.</summary>
public sealed class Lib0Writer
{
    private byte[] _buffer;
    private int _length;

    public Lib0Writer(int initialCapacity = 256)
    {
        _buffer = new byte[Math.Max(initialCapacity, 16)];
    }

    /// <summary>How many bytes have been written.</summary>
    public int Length => _length;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    public byte[] ToArray() => WrittenSpan.ToArray();

    /// <summary>Forgets what was written, keeping the buffer.</summary>
    public void Clear() => _length = 0;

    public void WriteU8(byte value)
    {
        if (_length == _buffer.Length)
        {
            Grow(1);
        }

        _buffer[_length++] = value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteVarUInt(ulong value)
    {
        if (value < 0x80 && _length < _buffer.Length)
        {
            _buffer[_length++] = (byte)value;
            return;
        }

        WriteVarUIntSlow(value);
    }

    private void WriteVarUIntSlow(ulong value)
    {
        var span = GetSpan(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        _length += i;
    }

    /// <summary>Writes a var-int (sign and magnitude).</summary>
    public void WriteVarInt(long value) => WriteVarInt(value < 0 ? (ulong)-value : (ulong)value, value < 0);

    /// <summary>Writes a var-int from its magnitude and sign; use this to write negative zero.</summary>
    public void WriteVarInt(ulong magnitude, bool negative)
    {
        var span = GetSpan(10);
        var first = (byte)(magnitude & 0x3f);
        if (negative)
        {
            first |= 0x40;
        }

        magnitude >>= 6;
        var i = 0;
        if (magnitude > 0)
        {
            first |= 0x80;
        }

        span[i++] = first;
        while (magnitude > 0)
        {
            var b = (byte)(magnitude & 0x7f);
            magnitude >>= 7;
            if (magnitude > 0)
            {
                b |= 0x80;
            }

            span[i++] = b;
        }

        _length += i;
    }

    /// <summary>Writes a string as var-uint byte length and UTF-8; lone surrogates become U+FFFD.</summary>
    public void WriteString(string value)
    {
        if (value.Length < 0x80 / 3)
        {
            // Short strings: the byte count fits in one var-uint byte, so encode in place.
            var span = GetSpan(1 + (value.Length * 3));
            var written = Utf8Text.GetBytes(value, span[1..]);
            span[0] = (byte)written;
            _length += 1 + written;
            return;
        }

        var count = Utf8Text.GetByteCount(value);
        WriteVarUInt((ulong)count);
        Utf8Text.GetBytes(value, GetSpan(count));
        _length += count;
    }

    /// <summary>Writes already-encoded UTF-8 as a string (var-uint byte length, then the bytes).</summary>
    public void WriteStringUtf8(ReadOnlySpan<byte> utf8) => WriteBytes(utf8);

    /// <summary>Writes a length-prefixed byte array (lib0 "varUint8Array").</summary>
    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        WriteVarUInt((ulong)bytes.Length);
        WriteRaw(bytes);
    }

    /// <summary>Writes bytes as they are, without a length.</summary>
    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(GetSpan(bytes.Length));
        _length += bytes.Length;
    }

    public void WriteF32(float value)
    {
        BinaryPrimitives.WriteSingleBigEndian(GetSpan(4), value);
        _length += 4;
    }

    public void WriteF64(double value)
    {
        BinaryPrimitives.WriteDoubleBigEndian(GetSpan(8), value);
        _length += 8;
    }

    public void WriteI64(long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(GetSpan(8), value);
        _length += 8;
    }

    /// <summary>
    /// Writes a value of the Any model (see <see cref="AnyObject"/>) choosing tags as Yjs does.
    /// Also accepts <see cref="int"/> and <see cref="float"/> (as numbers) and lists (as arrays).
    /// </summary>
    public void WriteAny(object? value)
    {
        switch (value)
        {
            case null:
                WriteU8(AnyTag.Null);
                break;
            case string s:
                WriteU8(AnyTag.String);
                WriteString(s);
                break;
            case double d:
                WriteNumber(d);
                break;
            case bool b:
                WriteU8(b ? AnyTag.True : AnyTag.False);
                break;
            case long bigint:
                WriteU8(AnyTag.BigInt);
                WriteI64(bigint);
                break;
            case int i:
                WriteNumber(i);
                break;
            case float f:
                WriteNumber(f);
                break;
            case Undefined:
                WriteU8(AnyTag.Undefined);
                break;
            case byte[] bytes:
                WriteU8(AnyTag.Bytes);
                WriteBytes(bytes);
                break;
            case AnyObject obj:
                WriteU8(AnyTag.Object);
                WriteVarUInt((ulong)obj.Count);
                foreach (var (key, item) in obj)
                {
                    WriteString(key);
                    WriteAny(item);
                }

                break;
            case object?[] array:
                WriteU8(AnyTag.Array);
                WriteVarUInt((ulong)array.Length);
                foreach (var item in array)
                {
                    WriteAny(item);
                }

                break;
            case IList list:
                WriteU8(AnyTag.Array);
                WriteVarUInt((ulong)list.Count);
                foreach (var item in list)
                {
                    WriteAny(item);
                }

                break;
            default:
                throw new ArgumentException($"A {value.GetType()} is not an Any value", nameof(value));
        }
    }

    /// <summary>
    /// Writes a JavaScript number: small integers as var-int, values float32 holds exactly as
    /// float32, everything else (NaN included) as float64.
    /// </summary>
    public void WriteNumber(double value)
    {
        if (AnyNumber.IsSmallInteger(value))
        {
            WriteU8(AnyTag.Integer);
            WriteVarInt((ulong)Math.Abs(value), double.IsNegative(value));
        }
        else if (AnyNumber.IsFloat32(value))
        {
            WriteU8(AnyTag.Float32);
            WriteF32((float)value);
        }
        else
        {
            WriteU8(AnyTag.Float64);
            WriteF64(value);
        }
    }

    /// <summary>Space for at least <paramref name="size"/> bytes at the end; advance with what was used.</summary>
    private Span<byte> GetSpan(int size)
    {
        if (_buffer.Length - _length < size)
        {
            Grow(size);
        }

        return _buffer.AsSpan(_length);
    }

    private void Grow(int size)
    {
        var needed = (long)_length + size;
        var capacity = Math.Max(needed, (long)_buffer.Length * 2);
        if (capacity > Array.MaxLength)
        {
            capacity = needed <= Array.MaxLength ? Array.MaxLength : throw new InvalidOperationException("The encoded output is too large.");
        }

        Array.Resize(ref _buffer, (int)capacity);
    }
}
