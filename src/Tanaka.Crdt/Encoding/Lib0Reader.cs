using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Tanaka.Crdt.Encoding;

/// <summary>
/// Reads lib0 primitives from untrusted bytes. Every read checks the bytes that remain first;
/// malformed input raises <see cref="UpdateDecodeException"/> with the offset of the problem.
/// </summary>
public ref struct Lib0Reader
{
    // Boxes are immutable, so the common small values are boxed once: a document holds one per
    // flag and index it ever received, and every applied update decodes a run of them.
    private const int SmallNumberCount = 256;
    private static readonly object BoxedFalse = false;
    private static readonly object BoxedTrue = true;
    private static readonly object[] SmallNumbers = CreateSmallNumbers();

    private readonly ReadOnlySpan<byte> _data;
    private readonly long _baseOffset;
    private int _position;

    /// <param name="data">The bytes to read.</param>
    /// <param name="baseOffset">Added to positions in error messages, for readers over a slice of a larger input.</param>
    public Lib0Reader(ReadOnlySpan<byte> data, long baseOffset = 0)
    {
        _data = data;
        _baseOffset = baseOffset;
    }

    /// <summary>The next byte to read, counted from the start of this reader's span.</summary>
    public int Position
    {
        readonly get => _position;

        // Resuming a reader saved earlier; callers pass positions this reader handed out.
        internal set => _position = value;
    }

    public readonly int Remaining => _data.Length - _position;

    public readonly bool IsAtEnd => _position >= _data.Length;

    /// <summary>The whole span this reader reads.</summary>
    public readonly ReadOnlySpan<byte> Data => _data;

    /// <summary>
    /// Set when a var-uint or var-int was not in its shortest form (Yjs accepts such input but
    /// always writes the shortest form, so content holding one cannot be copied verbatim).
    /// </summary>
    public bool SawNonMinimalNumber { get; set; }

    public byte ReadU8()
    {
        if (_position >= _data.Length)
        {
            ThrowEnd(_position);
        }

        return _data[_position++];
    }

    /// <summary>Reads a var-uint; values beyond 2^53 - 1 are malformed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong ReadVarUInt()
    {
        if (_position < _data.Length)
        {
            var first = _data[_position];
            if (first < 0x80)
            {
                _position++;
                return first;
            }
        }

        return ReadVarUIntSlow();
    }

    private ulong ReadVarUIntSlow()
    {
        var start = _position;
        ulong value = 0;
        var shift = 0;
        while (true)
        {
            if (_position >= _data.Length)
            {
                ThrowEnd(start);
            }

            var b = _data[_position++];
            value = AddBits(value, (ulong)(b & 0x7f), shift, start);
            if (b < 0x80)
            {
                if (b == 0 && _position - start > 1)
                {
                    SawNonMinimalNumber = true;
                }

                return value;
            }

            shift += 7;
        }
    }

    /// <summary>Reads a var-int (sign and magnitude). <paramref name="negative"/> is true also for negative zero.</summary>
    public long ReadVarInt(out bool negative)
    {
        var start = _position;
        var b = ReadU8();
        negative = (b & 0x40) != 0;
        var magnitude = (ulong)(b & 0x3f);
        if (b >= 0x80)
        {
            var shift = 6;
            while (true)
            {
                if (_position >= _data.Length)
                {
                    ThrowEnd(start);
                }

                b = _data[_position++];
                magnitude = AddBits(magnitude, (ulong)(b & 0x7f), shift, start);
                if (b < 0x80)
                {
                    if (b == 0)
                    {
                        SawNonMinimalNumber = true;
                    }

                    break;
                }

                shift += 7;
            }
        }

        return negative ? -(long)magnitude : (long)magnitude;
    }

    /// <summary>Reads a var-int; negative zero reads as 0.</summary>
    public long ReadVarInt() => ReadVarInt(out _);

    /// <summary>Reads a var-int as a JavaScript number (negative zero stays -0.0).</summary>
    public double ReadVarIntAsNumber()
    {
        var value = ReadVarInt(out var negative);
        return value == 0 && negative ? -0.0 : value;
    }

    /// <summary>Reads a length-prefixed byte array without copying it.</summary>
    public ReadOnlySpan<byte> ReadBytes()
    {
        var start = _position;
        var length = ReadVarUInt();
        return ReadRaw(length, start);
    }

    /// <summary>Reads exactly <paramref name="length"/> raw bytes without copying them.</summary>
    public ReadOnlySpan<byte> ReadRaw(int length) => ReadRaw((ulong)length, _position);

    private ReadOnlySpan<byte> ReadRaw(ulong length, int errorOffset)
    {
        if (length > (ulong)Remaining)
        {
            throw new UpdateDecodeException(DecodeError.LengthExceedsInput, $"A length of {length} exceeds the {Remaining} bytes that remain", _baseOffset + errorOffset);
        }

        var span = _data.Slice(_position, (int)length);
        _position += (int)length;
        return span;
    }

    /// <summary>Reads a string's UTF-8 bytes, checked to be valid UTF-8, without decoding them.</summary>
    public ReadOnlySpan<byte> ReadStringUtf8() => ReadStringUtf8(out _);

    /// <summary>Reads a string's UTF-8 bytes and its length in UTF-16 code units.</summary>
    public ReadOnlySpan<byte> ReadStringUtf8(out int utf16Length)
    {
        var start = _position;
        var bytes = ReadBytes();
        utf16Length = Utf8Text.CountUtf16(bytes, _baseOffset + start);
        return bytes;
    }

    /// <summary>Reads a string (strict UTF-8; a leading byte-order mark is kept).</summary>
    public string ReadString()
    {
        var start = _position;
        var bytes = ReadBytes();
        return Utf8Text.Decode(bytes, _baseOffset + start);
    }

    public float ReadF32() => BinaryPrimitives.ReadSingleBigEndian(ReadRaw(4));

    public double ReadF64() => BinaryPrimitives.ReadDoubleBigEndian(ReadRaw(8));

    public long ReadI64() => BinaryPrimitives.ReadInt64BigEndian(ReadRaw(8));

    private static object[] CreateSmallNumbers()
    {
        var numbers = new object[SmallNumberCount];
        for (var i = 0; i < numbers.Length; i++)
        {
            numbers[i] = (double)i;
        }

        return numbers;
    }

    /// <summary>The shared box for a whole number in 0..255 (not -0, which JavaScript keeps apart), a new one otherwise.</summary>
    private static object BoxedNumber(double value) =>
        value is >= 0 and < SmallNumberCount && !double.IsNegative(value) && value == Math.Floor(value)
            ? SmallNumbers[(int)value]
            : value;

    /// <summary>Reads an Any value into the model described on <see cref="AnyObject"/>.</summary>
    /// <param name="depthLimit">How many arrays and objects may nest inside each other.</param>
    public object? ReadAny(int depthLimit)
    {
        var start = _position;
        var tag = ReadU8();
        switch (tag)
        {
            case AnyTag.Undefined:
                return Undefined.Value;
            case AnyTag.Null:
                return null;
            case AnyTag.Integer:
                return BoxedNumber(ReadVarIntAsNumber());
            case AnyTag.Float32:
                return (double)ReadF32();
            case AnyTag.Float64:
                return ReadF64();
            case AnyTag.BigInt:
                return ReadI64();
            case AnyTag.False:
                return BoxedFalse;
            case AnyTag.True:
                return BoxedTrue;
            case AnyTag.String:
                return ReadString();
            case AnyTag.Object:
                {
                    CheckDepth(depthLimit, start);
                    var count = ReadCount(2);
                    var obj = new AnyObject();
                    for (var i = 0; i < count; i++)
                    {
                        var key = ReadString();
                        var value = ReadAny(depthLimit - 1);

                        // JavaScript assigns "__proto__" to the prototype, so Yjs never sees it as a key.
                        if (key != AnyObject.ProtoKey)
                        {
                            obj.Set(key, value);
                        }
                    }

                    return obj;
                }

            case AnyTag.Array:
                {
                    CheckDepth(depthLimit, start);
                    var count = ReadCount(1);
                    var array = new object?[count];
                    for (var i = 0; i < array.Length; i++)
                    {
                        array[i] = ReadAny(depthLimit - 1);
                    }

                    return array;
                }

            case AnyTag.Bytes:
                return ReadBytes().ToArray();
            default:
                throw new UpdateDecodeException(DecodeError.UnknownTag, $"Unknown Any tag {tag}", _baseOffset + start);
        }
    }

    /// <summary>
    /// Checks an Any value without building it. <paramref name="canonical"/> is cleared when
    /// Yjs would write the value back differently: a number in another tag, a non-minimal
    /// var-int, object keys out of JavaScript order, repeated or named "__proto__".
    /// </summary>
    internal void SkipAny(int depthLimit, ref bool canonical)
    {
        var start = _position;
        var tag = ReadU8();
        switch (tag)
        {
            case AnyTag.Undefined or AnyTag.Null or AnyTag.False or AnyTag.True:
                return;
            case AnyTag.Integer:
                {
                    var sawNonMinimal = SawNonMinimalNumber;
                    SawNonMinimalNumber = false;
                    var value = ReadVarInt(out _);
                    if (SawNonMinimalNumber || value > int.MaxValue || value < -int.MaxValue)
                    {
                        canonical = false;
                    }

                    SawNonMinimalNumber = sawNonMinimal;
                    return;
                }

            case AnyTag.Float32:
                {
                    double value = ReadF32();
                    if (double.IsNaN(value) || AnyNumber.IsSmallInteger(value))
                    {
                        canonical = false;
                    }

                    return;
                }

            case AnyTag.Float64:
                {
                    var value = ReadF64();
                    if (!double.IsNaN(value) && (AnyNumber.IsSmallInteger(value) || AnyNumber.IsFloat32(value)))
                    {
                        canonical = false;
                    }

                    return;
                }

            case AnyTag.BigInt:
                ReadRaw(8);
                return;
            case AnyTag.String:
                CheckMinimalLength(ref canonical);
                ReadStringUtf8();
                return;
            case AnyTag.Bytes:
                CheckMinimalLength(ref canonical);
                ReadBytes();
                return;
            case AnyTag.Array:
                {
                    CheckDepth(depthLimit, start);
                    CheckMinimalLength(ref canonical);
                    var count = ReadCount(1);
                    for (var i = 0; i < count; i++)
                    {
                        SkipAny(depthLimit - 1, ref canonical);
                    }

                    return;
                }

            case AnyTag.Object:
                SkipObject(depthLimit, start, ref canonical);
                return;
            default:
                throw new UpdateDecodeException(DecodeError.UnknownTag, $"Unknown Any tag {tag}", _baseOffset + start);
        }
    }

    private void SkipObject(int depthLimit, int start, ref bool canonical)
    {
        CheckDepth(depthLimit, start);
        CheckMinimalLength(ref canonical);
        var count = ReadCount(2);
        var keysStart = _position;
        var sawNamedKey = false;
        long previousIndex = -1;
        for (var i = 0; i < count; i++)
        {
            CheckMinimalLength(ref canonical);
            var key = ReadStringUtf8();
            var index = ArrayIndexOf(key);
            if (index >= 0)
            {
                // JavaScript lists array-index keys first, ascending.
                if (sawNamedKey || index <= previousIndex)
                {
                    canonical = false;
                }

                previousIndex = index;
            }
            else
            {
                sawNamedKey = true;
                if (key.SequenceEqual("__proto__"u8))
                {
                    canonical = false;
                }
            }

            SkipAny(depthLimit - 1, ref canonical);
        }

        if (canonical && count > 1 && HasRepeatedKey(_data[keysStart.._position], count, depthLimit))
        {
            canonical = false;
        }
    }

    private readonly bool HasRepeatedKey(ReadOnlySpan<byte> entries, int count, int depthLimit)
    {
        // Valid and canonical by now, so this second pass cannot throw.
        var keys = new HashSet<string>(count, StringComparer.Ordinal);
        var reader = new Lib0Reader(entries);
        var canonical = true;
        for (var i = 0; i < count; i++)
        {
            if (!keys.Add(reader.ReadString()))
            {
                return true;
            }

            reader.SkipAny(depthLimit - 1, ref canonical);
        }

        return false;
    }

    /// <summary>The value of a canonical array-index key (0 .. 2^32 - 2), or -1.</summary>
    private static long ArrayIndexOf(ReadOnlySpan<byte> key)
    {
        if (key.Length == 0 || key.Length > 10 || (key.Length > 1 && key[0] == (byte)'0'))
        {
            return -1;
        }

        long n = 0;
        foreach (var c in key)
        {
            if (c is < (byte)'0' or > (byte)'9')
            {
                return -1;
            }

            n = (n * 10) + (c - '0');
        }

        return n < uint.MaxValue ? n : -1;
    }

    private void CheckMinimalLength(ref bool canonical)
    {
        // A multi-byte var-uint ending in a zero byte is not in shortest form.
        var span = _data[_position..];
        for (var i = 0; i < span.Length && i < 10; i++)
        {
            if (span[i] < 0x80)
            {
                if (i > 0 && span[i] == 0)
                {
                    canonical = false;
                }

                return;
            }
        }
    }

    /// <summary>
    /// Reads a count of items that each take at least <paramref name="minBytesEach"/> bytes,
    /// rejecting counts the remaining input cannot hold (so callers may allocate by it).
    /// </summary>
    public int ReadCount(int minBytesEach)
    {
        var start = _position;
        var count = ReadVarUInt();
        if (count > (ulong)(Remaining / minBytesEach))
        {
            throw new UpdateDecodeException(DecodeError.LengthExceedsInput, $"A count of {count} exceeds what the {Remaining} remaining bytes can hold", _baseOffset + start);
        }

        return (int)count;
    }

    /// <summary>The absolute offset of a position of this reader, for error messages.</summary>
    public readonly long OffsetOf(int position) => _baseOffset + position;

    private readonly void CheckDepth(int depthLimit, int start)
    {
        if (depthLimit <= 0)
        {
            throw new UpdateDecodeException(DecodeError.TooDeep, "Any values nest too deeply", _baseOffset + start);
        }
    }

    private readonly ulong AddBits(ulong value, ulong bits, int shift, int start)
    {
        if (bits != 0)
        {
            if (shift > 52 || (bits << shift) > Id.MaxSafeInteger || (value | (bits << shift)) > Id.MaxSafeInteger)
            {
                ThrowOverflow(start);
            }

            value |= bits << shift;
        }
        else if (shift > 63)
        {
            ThrowOverflow(start);
        }

        return value;
    }

    [DoesNotReturn]
    private readonly void ThrowEnd(int start) =>
        throw new UpdateDecodeException(DecodeError.UnexpectedEnd, "The input ended inside a value", _baseOffset + start);

    [DoesNotReturn]
    private readonly void ThrowOverflow(int start) =>
        throw new UpdateDecodeException(DecodeError.VarIntOverflow, "A variable-length integer exceeds 2^53 - 1", _baseOffset + start);
}
