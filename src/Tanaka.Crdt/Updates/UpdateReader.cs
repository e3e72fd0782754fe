using Tanaka.Crdt.Encoding;
using Tanaka.Crdt.Structs;

namespace Tanaka.Crdt.Updates;

/// <summary>
/// Reads a v1 update struct by struct, validating each completely (strings, Any values, JSON
/// text, type refs, clocks) before handing it out, then the delete set.
/// </summary>
internal ref struct UpdateReader
{
    private readonly CrdtLimits _limits;
    private Lib0Reader _reader;
    private UpdateReadState _state;

    public UpdateReader(ReadOnlySpan<byte> update, CrdtLimits limits)
    {
        _limits = limits;
        _reader = new Lib0Reader(update);
        _state.BlocksLeft = _reader.ReadCount(3);
    }

    /// <summary>Resumes reading where a reader over the same update stopped (see <see cref="State"/>).</summary>
    public UpdateReader(ReadOnlySpan<byte> update, CrdtLimits limits, in UpdateReadState state)
    {
        _limits = limits;
        _reader = new Lib0Reader(update) { Position = state.Position };
        _state = state;
    }

    /// <summary>Where this reader is, to resume later without keeping the reader (a ref struct) alive.</summary>
    public readonly UpdateReadState State => _state with { Position = _reader.Position };

    /// <summary>How many structs of the current client block are still to be read (a count the input was checked to hold).</summary>
    public readonly int StructsLeftInBlock => _state.StructsLeft;

    /// <summary>The client of the block read last.</summary>
    public readonly ulong CurrentClient => _state.Client;

    /// <summary>The update being read: positions in <see cref="EncodedStruct"/> refer to it.</summary>
    public readonly ReadOnlySpan<byte> Source => _reader.Data;

    /// <summary>Reads the next struct; false once every client block has been read.</summary>
    public bool TryRead(out EncodedStruct s)
    {
        while (_state.StructsLeft == 0)
        {
            if (_state.BlocksLeft == 0)
            {
                s = default;
                return false;
            }

            _state.BlocksLeft--;
            ReadBlockHeader();
        }

        _state.StructsLeft--;
        s = ReadStruct();
        return true;
    }

    /// <summary>Reads the delete set after the last struct and checks that nothing follows it.</summary>
    public DeleteSet ReadDeleteSet()
    {
        var deleteSet = DeleteSetCodec.Read(ref _reader, _limits);
        if (!_reader.IsAtEnd)
        {
            throw new UpdateDecodeException(DecodeError.TrailingBytes, $"{_reader.Remaining} bytes follow the update", _reader.Position);
        }

        return deleteSet;
    }

    private void ReadBlockHeader()
    {
        var start = _reader.Position;
        var count = _reader.ReadCount(2);
        var client = _reader.ReadVarUInt();
        var clock = _reader.ReadVarUInt();
        if (count == 0)
        {
            return;
        }

        _state.StructCount += count;
        if (_state.StructCount > _limits.MaxStructs)
        {
            throw new UpdateDecodeException(DecodeError.TooLarge, $"More than {_limits.MaxStructs} structs", start);
        }

        if (_state.BlockCount == 0)
        {
            _state.FirstClient = client;
        }
        else
        {
            _state.Clients ??= [_state.FirstClient];
            if (!_state.Clients.Add(client))
            {
                throw new UpdateDecodeException(DecodeError.Inconsistent, $"Client {client} has two blocks", start);
            }

            if (client > _state.Client)
            {
                _state.OutOfOrder = true;
            }
        }

        _state.BlockCount++;
        _state.Client = client;
        _state.Clock = clock;
        _state.StructsLeft = count;
    }

    private EncodedStruct ReadStruct()
    {
        var start = _reader.Position;
        var info = _reader.ReadU8();
        var s = new EncodedStruct { Client = _state.Client, Clock = _state.Clock, ParentSubStart = -1 };
        var contentRef = info & 0x1f;
        if (info == (byte)ContentRef.Skip)
        {
            s.Kind = StructKind.Skip;
            s.Ref = ContentRef.Skip;
            s.Length = _reader.ReadVarUInt();
        }
        else if (contentRef == (int)ContentRef.Gc)
        {
            // Yjs ignores flag bits on a GC.
            s.Kind = StructKind.Gc;
            s.Length = _reader.ReadVarUInt();
        }
        else if (contentRef >= (int)ContentRef.Skip)
        {
            throw new UpdateDecodeException(DecodeError.UnknownTag, $"Unknown struct info byte 0x{info:x2}", start);
        }
        else
        {
            ReadItem(ref s, info);
        }

        if (s.Length == 0)
        {
            throw new UpdateDecodeException(DecodeError.Inconsistent, "A struct has length 0", start);
        }

        if (s.EndClock > Id.MaxSafeInteger)
        {
            throw new UpdateDecodeException(DecodeError.Inconsistent, "A struct ends beyond clock 2^53 - 1", start);
        }

        _state.Clock = s.EndClock;
        return s;
    }

    private void ReadItem(ref EncodedStruct s, byte info)
    {
        s.Kind = StructKind.Item;
        s.Ref = (ContentRef)(info & 0x1f);
        s.ParentSubFlag = (info & 0x20) != 0;
        if ((info & 0x80) != 0)
        {
            s.HasOrigin = true;
            s.Origin = ReadId();
        }

        if ((info & 0x40) != 0)
        {
            s.HasRightOrigin = true;
            s.RightOrigin = ReadId();
        }

        if (!s.HasOrigin && !s.HasRightOrigin)
        {
            // Yjs treats parent info 1 as a root name and any other value as an ID.
            if (_reader.ReadVarUInt() == 1)
            {
                s.ParentIsName = true;
                var name = _reader.ReadStringUtf8();
                s.ParentNameStart = _reader.Position - name.Length;
                s.ParentNameLength = name.Length;
            }
            else
            {
                s.ParentId = ReadId();
            }

            if (s.ParentSubFlag)
            {
                var key = _reader.ReadStringUtf8();
                s.ParentSubStart = _reader.Position - key.Length;
                s.ParentSubLength = key.Length;
            }
        }

        ReadContent(ref s);
    }

    private void ReadContent(ref EncodedStruct s)
    {
        var start = _reader.Position;
        switch (s.Ref)
        {
            case ContentRef.Deleted:
                s.Length = _reader.ReadVarUInt();
                break;
            case ContentRef.String:
                {
                    var text = _reader.ReadStringUtf8(out var units);
                    s.ContentStart = _reader.Position - text.Length;
                    s.ContentLength = text.Length;
                    s.Length = (ulong)units;
                    break;
                }

            case ContentRef.Any:
                ReadAnyContent(ref s);
                break;
            case ContentRef.Binary:
                {
                    var bytes = _reader.ReadBytes();
                    s.ContentStart = _reader.Position - bytes.Length;
                    s.ContentLength = bytes.Length;
                    s.Length = 1;
                    break;
                }

            case ContentRef.Json:
                {
                    var count = _reader.ReadCount(1);
                    var w = new Lib0Writer();
                    for (var i = 0; i < count; i++)
                    {
                        w.WriteString(ReadJsonElement());
                    }

                    s.Canonical = w.ToArray();
                    s.Length = (ulong)count;
                    break;
                }

            case ContentRef.Embed:
                {
                    var w = new Lib0Writer(64);
                    w.WriteString(ReadJson());
                    s.Canonical = w.ToArray();
                    s.Length = 1;
                    break;
                }

            case ContentRef.Format:
                {
                    var w = new Lib0Writer(64);
                    w.WriteStringUtf8(_reader.ReadStringUtf8());
                    w.WriteString(ReadJson());
                    s.Canonical = w.ToArray();
                    s.Length = 1;
                    break;
                }

            case ContentRef.Type:
                ReadTypeContent(ref s, start);
                break;
            case ContentRef.Doc:
                {
                    var guid = _reader.ReadString();
                    var options = _reader.ReadAny(_limits.MaxAnyDepth);
                    var (docGuid, docOptions) = SubdocumentOptions.Canonicalize(guid, options, _reader.OffsetOf(start));
                    var w = new Lib0Writer(64);
                    w.WriteString(docGuid);
                    w.WriteAny(docOptions);
                    s.Canonical = w.ToArray();
                    s.Length = 1;
                    break;
                }
        }
    }

    private void ReadAnyContent(ref EncodedStruct s)
    {
        var count = _reader.ReadCount(1);
        var valuesStart = _reader.Position;
        var canonical = true;
        for (var i = 0; i < count; i++)
        {
            _reader.SkipAny(_limits.MaxAnyDepth, ref canonical);
        }

        s.Length = (ulong)count;
        var values = _reader.Data[valuesStart.._reader.Position];
        if (canonical)
        {
            s.ContentStart = valuesStart;
            s.ContentLength = values.Length;
            return;
        }

        // Already validated, so reading the values again cannot fail.
        var again = new Lib0Reader(values, valuesStart);
        var w = new Lib0Writer(values.Length + 16);
        for (var i = 0; i < count; i++)
        {
            w.WriteAny(again.ReadAny(_limits.MaxAnyDepth));
        }

        s.Canonical = w.ToArray();
    }

    private void ReadTypeContent(ref EncodedStruct s, int start)
    {
        var typeRef = _reader.ReadVarUInt();
        if (typeRef > (ulong)TypeRef.XmlText)
        {
            throw new UpdateDecodeException(DecodeError.UnknownTag, $"Unknown type ref {typeRef}", start);
        }

        s.Length = 1;
        if ((TypeRef)typeRef is TypeRef.XmlElement or TypeRef.XmlHook)
        {
            var w = new Lib0Writer(32);
            w.WriteVarUInt(typeRef);
            w.WriteStringUtf8(_reader.ReadStringUtf8());
            s.Canonical = w.ToArray();
        }
        else
        {
            s.ContentStart = (int)typeRef;
        }
    }

    private string ReadJsonElement()
    {
        var start = _reader.Position;
        var text = _reader.ReadString();
        return text == "undefined" ? text : JavaScriptJson.Canonicalize(text, _limits.MaxAnyDepth, _reader.OffsetOf(start));
    }

    private string ReadJson()
    {
        var start = _reader.Position;
        return JavaScriptJson.Canonicalize(_reader.ReadString(), _limits.MaxAnyDepth, _reader.OffsetOf(start));
    }

    private Id ReadId()
    {
        var client = _reader.ReadVarUInt();
        return new Id(client, _reader.ReadVarUInt());
    }
}
