using Tanaka.Crdt.Encoding;

namespace Tanaka.Crdt.Tests.Encoding;

/// <summary>
/// Expected texts are what node 20 prints for <c>JSON.stringify(JSON.parse(input))</c>, which is
/// how Yjs rewrites JSON, Embed and Format content.
/// </summary>
public sealed class JavaScriptJsonTests
{
    [Theory]
    [InlineData("{\"__proto__\":1,\"a\":2, \"2\":3, \"a\":4}", "{\"2\":3,\"__proto__\":1,\"a\":4}")]
    [InlineData("[1e21, 1e-7, 123e-20, 0.000001, -0, 1.5e300, 9007199254740992, 5e-324, 1e999, 123456789012345678901, 0.30000000000000004]",
        "[1e+21,1e-7,1.23e-18,0.000001,0,1.5e+300,9007199254740992,5e-324,null,123456789012345680000,0.30000000000000004]")]
    [InlineData("\"\\ud800\\u2028\\u007f\\u0001\\\"\\\\\\/\"", "\"\\ud800\u2028\u007f\\u0001\\\"\\\\/\"")]
    [InlineData(" { \"a\" : [ true , false , null ] }\n", "{\"a\":[true,false,null]}")]
    [InlineData("\"\\ud83d\\ude00\"", "\"😀\"")]
    [InlineData("{\"10\":1,\"9\":2,\"4294967295\":3,\"4294967294\":4}", "{\"9\":2,\"10\":1,\"4294967294\":4,\"4294967295\":3}")]
    public void Canonical_text_matches_javascript(string input, string expected)
    {
        JavaScriptJson.Canonicalize(input, 64, 0).ShouldBe(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[1,]")]
    [InlineData("01")]
    [InlineData("1.")]
    [InlineData("+1")]
    [InlineData("'a'")]
    [InlineData("\"\t\"")] // a raw control character
    [InlineData("\"\\x\"")]
    [InlineData("\"\\u12\"")]
    [InlineData("\ufeff1")] // JSON.parse does not skip a byte-order mark
    [InlineData("1 2")]
    [InlineData("undefined")]
    [InlineData("NaN")]
    public void Text_javascript_rejects_is_malformed(string input)
    {
        Should.Throw<UpdateDecodeException>(() => JavaScriptJson.Canonicalize(input, 64, 0)).Error.ShouldBe(DecodeError.Inconsistent);
    }

    [Fact]
    public void Nesting_is_capped()
    {
        var deep = new string('[', 10_000) + new string(']', 10_000);
        Should.Throw<UpdateDecodeException>(() => JavaScriptJson.Canonicalize(deep, 64, 0)).Error.ShouldBe(DecodeError.TooDeep);
    }
}
