using System.Globalization;
using System.Text;

namespace Tanaka.Crdt.Encoding;

/// <summary>
/// JSON text as JavaScript's <c>JSON.parse</c> reads it and <c>JSON.stringify</c> writes it.
/// Yjs keeps JSON, Embed and Format content as parsed values and stringifies them when it
/// writes, so the text it sends is <c>JSON.stringify(JSON.parse(text))</c>: no insignificant
/// white space, numbers in shortest round-trip form, array-index keys first, repeated keys
/// collapsed.
/// </summary>
internal static class JavaScriptJson
{
    /// <summary>Returns what <c>JSON.stringify(JSON.parse(text))</c> gives, or throws for text JSON.parse rejects.</summary>
    public static string Canonicalize(string text, int depthLimit, long offset)
    {
        var parser = new Parser(text, depthLimit, offset);
        var value = parser.ParseDocument();
        var output = new StringBuilder(text.Length);
        Stringify(value, output);
        return output.ToString();
    }

    /// <summary>Parses JSON text into the Any model (numbers as double, objects as <see cref="AnyObject"/>).</summary>
    public static object? Parse(string text, int depthLimit, long offset) => new Parser(text, depthLimit, offset).ParseDocument();

    /// <summary>
    /// <c>JSON.stringify</c> of a decoded Any value (update v2 carries embeds and format values as
    /// Any, v1 as JSON text): undefined inside an object drops the key, inside an array becomes
    /// null; a byte array is an object of its indices. Yjs cannot write an undefined or BigInt
    /// value as JSON, so those are malformed.
    /// </summary>
    public static string StringifyAny(object? value, long offset)
    {
        if (value is Undefined)
        {
            throw new UpdateDecodeException(DecodeError.Unsupported, "An embed or format value is undefined", offset);
        }

        var output = new StringBuilder();
        StringifyAny(value, output, offset);
        return output.ToString();
    }

    private static void StringifyAny(object? value, StringBuilder output, long offset)
    {
        switch (value)
        {
            case long:
                throw new UpdateDecodeException(DecodeError.Unsupported, "JSON cannot hold a BigInt", offset);
            case Undefined:
                output.Append("null");
                break;
            case byte[] bytes:
                output.Append('{');
                for (var i = 0; i < bytes.Length; i++)
                {
                    output.Append(i > 0 ? ",\"" : "\"").Append(i).Append("\":").Append(bytes[i]);
                }

                output.Append('}');
                break;
            case object?[] array:
                output.Append('[');
                for (var i = 0; i < array.Length; i++)
                {
                    if (i > 0)
                    {
                        output.Append(',');
                    }

                    StringifyAny(array[i], output, offset);
                }

                output.Append(']');
                break;
            case AnyObject obj:
                output.Append('{');
                var first = true;
                foreach (var (key, item) in obj)
                {
                    if (item is Undefined)
                    {
                        continue;
                    }

                    if (!first)
                    {
                        output.Append(',');
                    }

                    first = false;
                    Quote(key, output);
                    output.Append(':');
                    StringifyAny(item, output, offset);
                }

                output.Append('}');
                break;
            default:
                Stringify(value, output);
                break;
        }
    }

    /// <summary>Writes a value of the Any model the way JSON.stringify does.</summary>
    public static string Stringify(object? value)
    {
        var output = new StringBuilder();
        Stringify(value, output);
        return output.ToString();
    }

    private static void Stringify(object? value, StringBuilder output)
    {
        switch (value)
        {
            case null:
                output.Append("null");
                break;
            case bool b:
                output.Append(b ? "true" : "false");
                break;
            case double d:
                output.Append(double.IsFinite(d) ? JavaScriptNumber.ToString(d) : "null");
                break;
            case string s:
                Quote(s, output);
                break;
            case object?[] array:
                output.Append('[');
                for (var i = 0; i < array.Length; i++)
                {
                    if (i > 0)
                    {
                        output.Append(',');
                    }

                    Stringify(array[i], output);
                }

                output.Append(']');
                break;
            case AnyObject obj:
                output.Append('{');
                var first = true;
                foreach (var (key, item) in obj)
                {
                    if (!first)
                    {
                        output.Append(',');
                    }

                    first = false;
                    Quote(key, output);
                    output.Append(':');
                    Stringify(item, output);
                }

                output.Append('}');
                break;
            default:
                throw new ArgumentException($"A {value.GetType()} is not a JSON value", nameof(value));
        }
    }

    private static void Quote(string s, StringBuilder output)
    {
        output.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '"':
                    output.Append("\\\"");
                    break;
                case '\\':
                    output.Append("\\\\");
                    break;
                case '\b':
                    output.Append("\\b");
                    break;
                case '\f':
                    output.Append("\\f");
                    break;
                case '\n':
                    output.Append("\\n");
                    break;
                case '\r':
                    output.Append("\\r");
                    break;
                case '\t':
                    output.Append("\\t");
                    break;
                default:
                    if (c < 0x20)
                    {
                        AppendEscape(c, output);
                    }
                    else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                    {
                        output.Append(c).Append(s[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        // Well-formed JSON.stringify escapes lone surrogates.
                        AppendEscape(c, output);
                    }
                    else
                    {
                        output.Append(c);
                    }

                    break;
            }
        }

        output.Append('"');
    }

    private static void AppendEscape(char c, StringBuilder output) =>
        output.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));

    private ref struct Parser(string text, int depthLimit, long offset)
    {
        private readonly string _text = text;
        private readonly long _offset = offset;
        private int _pos;

        public object? ParseDocument()
        {
            SkipWhitespace();
            var value = ParseValue(depthLimit);
            SkipWhitespace();
            if (_pos != _text.Length)
            {
                throw Invalid();
            }

            return value;
        }

        private object? ParseValue(int depth)
        {
            if (_pos >= _text.Length)
            {
                throw Invalid();
            }

            switch (_text[_pos])
            {
                case '{':
                    return ParseObject(depth);
                case '[':
                    return ParseArray(depth);
                case '"':
                    return ParseString();
                case 't':
                    ExpectWord("true");
                    return true;
                case 'f':
                    ExpectWord("false");
                    return false;
                case 'n':
                    ExpectWord("null");
                    return null;
                default:
                    return ParseNumber();
            }
        }

        private AnyObject ParseObject(int depth)
        {
            CheckDepth(depth);
            _pos++;
            var obj = new AnyObject();
            SkipWhitespace();
            if (Peek() == '}')
            {
                _pos++;
                return obj;
            }

            while (true)
            {
                SkipWhitespace();
                if (Peek() != '"')
                {
                    throw Invalid();
                }

                var key = ParseString();
                SkipWhitespace();
                Expect(':');
                SkipWhitespace();
                obj.Set(key, ParseValue(depth - 1));
                SkipWhitespace();
                var c = Peek();
                _pos++;
                if (c == '}')
                {
                    return obj;
                }

                if (c != ',')
                {
                    throw Invalid();
                }
            }
        }

        private object?[] ParseArray(int depth)
        {
            CheckDepth(depth);
            _pos++;
            var items = new List<object?>();
            SkipWhitespace();
            if (Peek() == ']')
            {
                _pos++;
                return [];
            }

            while (true)
            {
                SkipWhitespace();
                items.Add(ParseValue(depth - 1));
                SkipWhitespace();
                var c = Peek();
                _pos++;
                if (c == ']')
                {
                    return [.. items];
                }

                if (c != ',')
                {
                    throw Invalid();
                }
            }
        }

        private string ParseString()
        {
            _pos++;
            var output = new StringBuilder();
            while (true)
            {
                if (_pos >= _text.Length)
                {
                    throw Invalid();
                }

                var c = _text[_pos++];
                if (c == '"')
                {
                    return output.ToString();
                }

                if (c < 0x20)
                {
                    throw Invalid();
                }

                if (c != '\\')
                {
                    output.Append(c);
                    continue;
                }

                if (_pos >= _text.Length)
                {
                    throw Invalid();
                }

                var e = _text[_pos++];
                switch (e)
                {
                    case '"' or '\\' or '/':
                        output.Append(e);
                        break;
                    case 'b':
                        output.Append('\b');
                        break;
                    case 'f':
                        output.Append('\f');
                        break;
                    case 'n':
                        output.Append('\n');
                        break;
                    case 'r':
                        output.Append('\r');
                        break;
                    case 't':
                        output.Append('\t');
                        break;
                    case 'u':
                        if (_pos + 4 > _text.Length || !int.TryParse(_text.AsSpan(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                        {
                            throw Invalid();
                        }

                        _pos += 4;
                        output.Append((char)code);
                        break;
                    default:
                        throw Invalid();
                }
            }
        }

        private double ParseNumber()
        {
            var start = _pos;
            if (Peek() == '-')
            {
                _pos++;
            }

            if (Peek() == '0')
            {
                _pos++;
            }
            else if (Peek() is >= '1' and <= '9')
            {
                SkipDigits();
            }
            else
            {
                throw Invalid();
            }

            if (Peek() == '.')
            {
                _pos++;
                if (Peek() is < '0' or > '9')
                {
                    throw Invalid();
                }

                SkipDigits();
            }

            if (Peek() is 'e' or 'E')
            {
                _pos++;
                if (Peek() is '+' or '-')
                {
                    _pos++;
                }

                if (Peek() is < '0' or > '9')
                {
                    throw Invalid();
                }

                SkipDigits();
            }

            return double.Parse(_text.AsSpan(start, _pos - start), NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        private void SkipDigits()
        {
            while (Peek() is >= '0' and <= '9')
            {
                _pos++;
            }
        }

        private void ExpectWord(string word)
        {
            if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) != 0)
            {
                throw Invalid();
            }

            _pos += word.Length;
        }

        private void Expect(char c)
        {
            if (Peek() != c)
            {
                throw Invalid();
            }

            _pos++;
        }

        private readonly char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

        private void SkipWhitespace()
        {
            while (_pos < _text.Length && _text[_pos] is ' ' or '\t' or '\n' or '\r')
            {
                _pos++;
            }
        }

        private readonly void CheckDepth(int depth)
        {
            if (depth <= 0)
            {
                throw new UpdateDecodeException(DecodeError.TooDeep, "JSON content nests too deeply", _offset);
            }
        }

        private readonly UpdateDecodeException Invalid() =>
            new(DecodeError.Inconsistent, $"Content holds invalid JSON (near character {_pos})", _offset);
    }
}
