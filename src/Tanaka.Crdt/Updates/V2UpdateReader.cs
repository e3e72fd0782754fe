using Tanaka.Crdt.Encoding;
using Tanaka.Crdt.Structs;
using StringContent = Tanaka.Crdt.Structs.StringContent;

namespace Tanaka.Crdt.Updates;

/// <summary>
/// Decodes update format v2 (yjs-format 10) into the same structs as v1, content rebuilt the
/// way Yjs holds it after decoding (so writing it as v1 gives Yjs's bytes).
/// </summary>
internal ref struct V2UpdateReader
{
    private readonly CrdtLimits _limits;
    private readonly string _strings;
    private readonly List<string> _keys = [];
    private Lib0Reader _rest;
    private IntDiffOptRleReader _keyClock;
    private UintOptRleReader _client;
    private IntDiffOptRleReader _leftClock;
    private IntDiffOptRleReader _rightClock;
    private ByteRleReader _info;
    private UintOptRleReader _stringLengths;
    private ByteRleReader _parentInfo;
    private UintOptRleReader _typeRef;
    private UintOptRleReader _length;
    private int _stringPosition;
    private long _structCount;

    public V2UpdateReader(ReadOnlySpan<byte> update, CrdtLimits limits)
    {
        _limits = limits;
        _rest = new Lib0Reader(update);

        // Feature flags: unused, and ignored by Yjs.
        _rest.ReadVarUInt();
        _keyClock = new IntDiffOptRleReader(NextColumn(out var at), at);
        _client = new UintOptRleReader(NextColumn(out at), at);
        _leftClock = new IntDiffOptRleReader(NextColumn(out at), at);
        _rightClock = new IntDiffOptRleReader(NextColumn(out at), at);
        _info = new ByteRleReader(NextColumn(out at), at);
        _stringLengths = new UintOptRleReader(NextColumn(out at), at);
        var strings = _stringLengths.ReadLeadingString();
        _strings = Utf8Text.Decode(strings, at);
        _parentInfo = new ByteRleReader(NextColumn(out at), at);
        _typeRef = new UintOptRleReader(NextColumn(out at), at);
        _length = new UintOptRleReader(NextColumn(out at), at);
    }

    public DecodedUpdate Read()
    {
        var result = new DecodedUpdate();
        HashSet<ulong> clients = [];
        var blockCount = _rest.ReadCount(2);
        for (var b = 0; b < blockCount; b++)
        {
            var start = _rest.Position;

            // Run-length coded columns let many structs take almost no bytes, so only the
            // struct limit bounds this count.
            var declared = _rest.ReadVarUInt();
            var client = _client.Read();
            var clock = _rest.ReadVarUInt();
            if (declared == 0)
            {
                continue;
            }

            if (declared > (ulong)(_limits.MaxStructs - _structCount))
            {
                throw new UpdateDecodeException(DecodeError.TooLarge, $"More than {_limits.MaxStructs} structs", start);
            }

            var count = (int)declared;
            _structCount += count;

            if (!clients.Add(client))
            {
                throw new UpdateDecodeException(DecodeError.Inconsistent, $"Client {client} has two blocks", start);
            }

            var structs = new List<UpdateStruct>(Math.Min(count, 1024));
            for (var i = 0; i < count; i++)
            {
                var s = ReadStruct(client, clock);
                clock = s.EndClock;
                structs.Add(s);
            }

            result.Clients.Add((client, structs));
        }

        result.DeleteSet = ReadDeleteSet();
        if (!_rest.IsAtEnd)
        {
            throw new UpdateDecodeException(DecodeError.TrailingBytes, $"{_rest.Remaining} bytes follow the update", _rest.Position);
        }

        return result;
    }

    private ReadOnlySpan<byte> NextColumn(out long offset)
    {
        var column = _rest.ReadBytes();
        offset = _rest.Position - column.Length;
        return column;
    }

    private UpdateStruct ReadStruct(ulong client, ulong clock)
    {
        var start = _rest.Position;
        var info = _info.Read();
        var id = new Id(client, clock);
        UpdateStruct s;
        if (info == (byte)ContentRef.Skip)
        {
            s = new SkipStruct(id, _rest.ReadVarUInt());
        }
        else if ((info & 0x1f) == (int)ContentRef.Gc)
        {
            s = new GcStruct(id, _length.Read());
        }
        else if ((info & 0x1f) >= (int)ContentRef.Skip)
        {
            throw new UpdateDecodeException(DecodeError.UnknownTag, $"Unknown struct info byte 0x{info:x2}", start);
        }
        else
        {
            s = ReadItem(id, info);
        }

        if (s.Length == 0)
        {
            throw new UpdateDecodeException(DecodeError.Inconsistent, "A struct has length 0", start);
        }

        if (s.EndClock > Id.MaxSafeInteger)
        {
            throw new UpdateDecodeException(DecodeError.Inconsistent, "A struct ends beyond clock 2^53 - 1", start);
        }

        return s;
    }

    private ItemStruct ReadItem(Id id, byte info)
    {
        Id? origin = (info & 0x80) != 0 ? new Id(_client.Read(), Clock(_leftClock.Read())) : null;
        Id? rightOrigin = (info & 0x40) != 0 ? new Id(_client.Read(), Clock(_rightClock.Read())) : null;
        string? parentName = null;
        Id? parentId = null;
        string? parentSub = null;
        if (origin is null && rightOrigin is null)
        {
            if (_parentInfo.Read() == 1)
            {
                parentName = ReadString();
            }
            else
            {
                parentId = new Id(_client.Read(), Clock(_leftClock.Read()));
            }

            if ((info & 0x20) != 0)
            {
                parentSub = ReadString();
            }
        }

        return new ItemStruct(id, ReadContent((ContentRef)(info & 0x1f)))
        {
            Origin = origin,
            RightOrigin = rightOrigin,
            ParentName = parentName,
            ParentId = parentId,
            ParentSub = parentSub,
            HasParentSubFlag = (info & 0x20) != 0,
        };
    }

    private Content ReadContent(ContentRef contentRef)
    {
        var start = _rest.Position;
        switch (contentRef)
        {
            case ContentRef.Deleted:
                return new DeletedContent(_length.Read());
            case ContentRef.Json:
                {
                    var count = Count(_length.Read());
                    var elements = new List<string>(Math.Min(count, 1024));
                    for (var i = 0; i < count; i++)
                    {
                        var text = ReadString();
                        elements.Add(text == "undefined" ? text : JavaScriptJson.Canonicalize(text, _limits.MaxAnyDepth, start));
                    }

                    return new JsonContent(elements);
                }

            case ContentRef.Binary:
                return new BinaryContent(_rest.ReadBytes().ToArray());
            case ContentRef.String:
                return new StringContent(ReadString());
            case ContentRef.Embed:
                return new EmbedContent(JavaScriptJson.StringifyAny(_rest.ReadAny(_limits.MaxAnyDepth), start));
            case ContentRef.Format:
                {
                    var key = ReadKey();
                    return new FormatContent(key, JavaScriptJson.StringifyAny(_rest.ReadAny(_limits.MaxAnyDepth), start));
                }

            case ContentRef.Type:
                {
                    var typeRef = _typeRef.Read();
                    if (typeRef > (ulong)TypeRef.XmlText)
                    {
                        throw new UpdateDecodeException(DecodeError.UnknownTag, $"Unknown type ref {typeRef}", start);
                    }

                    var name = (TypeRef)typeRef is TypeRef.XmlElement or TypeRef.XmlHook ? ReadKey() : null;
                    return new TypeContent((TypeRef)typeRef, name);
                }

            case ContentRef.Any:
                {
                    // Each value takes at least one byte of the rest.
                    var count = Count(_length.Read());
                    if (count > _rest.Remaining)
                    {
                        throw new UpdateDecodeException(DecodeError.LengthExceedsInput, $"{count} values exceed the remaining input", start);
                    }

                    var values = new List<object?>(count);
                    for (var i = 0; i < count; i++)
                    {
                        values.Add(_rest.ReadAny(_limits.MaxAnyDepth));
                    }

                    return new AnyContent(values);
                }

            default:
                {
                    var guid = ReadString();
                    var (docGuid, options) = SubdocumentOptions.Canonicalize(guid, _rest.ReadAny(_limits.MaxAnyDepth), start);
                    return new DocContent(docGuid, options);
                }
        }
    }

    /// <summary>The next string of the string column (its length in UTF-16 units comes from the column).</summary>
    private string ReadString()
    {
        var length = _stringLengths.Read();
        if (length > (ulong)(_strings.Length - _stringPosition))
        {
            throw new UpdateDecodeException(DecodeError.LengthExceedsInput, "A string runs past the string column", _rest.Position);
        }

        var s = _strings.Substring(_stringPosition, (int)length);
        _stringPosition += (int)length;
        return s;
    }

    /// <summary>A key (format key, XML node name): a reference to an earlier key, or a new one from the string column.</summary>
    private string ReadKey()
    {
        var index = _keyClock.Read();
        if (index < 0)
        {
            throw new UpdateDecodeException(DecodeError.Inconsistent, "A negative key index", _rest.Position);
        }

        if (index < _keys.Count)
        {
            return _keys[(int)index];
        }

        var key = ReadString();
        _keys.Add(key);
        return key;
    }

    private DeleteSet ReadDeleteSet()
    {
        var deleteSet = new DeleteSet();
        var clientCount = _rest.ReadCount(2);
        long total = 0;
        for (var i = 0; i < clientCount; i++)
        {
            var client = _rest.ReadVarUInt();
            var rangesStart = _rest.Position;
            var rangeCount = _rest.ReadCount(2);
            total += rangeCount;
            if (total > _limits.MaxDeleteRanges)
            {
                throw new UpdateDecodeException(DecodeError.TooLarge, $"More than {_limits.MaxDeleteRanges} delete ranges", rangesStart);
            }

            if (rangeCount == 0)
            {
                continue;
            }

            if (!deleteSet.Clients.TryGetValue(client, out var ranges))
            {
                ranges = new List<DeleteRange>(rangeCount);
                deleteSet.Clients[client] = ranges;
            }

            // Clocks are differences to the end of the previous range; lengths are stored minus one.
            ulong current = 0;
            for (var r = 0; r < rangeCount; r++)
            {
                var start = _rest.Position;
                var clock = current + _rest.ReadVarUInt();
                var length = _rest.ReadVarUInt() + 1;
                current = clock + length;
                if (current > Id.MaxSafeInteger)
                {
                    throw new UpdateDecodeException(DecodeError.Inconsistent, "A delete range ends beyond clock 2^53 - 1", start);
                }

                ranges.Add(new DeleteRange(clock, length));
            }
        }

        return deleteSet;
    }

    private readonly ulong Clock(long value)
    {
        if (value is < 0 or > (long)Id.MaxSafeInteger)
        {
            throw new UpdateDecodeException(DecodeError.Inconsistent, $"Clock {value} is out of range", _rest.Position);
        }

        return (ulong)value;
    }

    private readonly int Count(ulong count)
    {
        if (count > int.MaxValue)
        {
            throw new UpdateDecodeException(DecodeError.LengthExceedsInput, $"A count of {count} exceeds the input", _rest.Position);
        }

        return (int)count;
    }
}
