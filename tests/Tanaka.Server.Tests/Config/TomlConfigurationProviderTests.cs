using Tanaka.Server.Config;

namespace Tanaka.Server.Tests.Config;

public sealed class TomlConfigurationProviderTests
{
    [Fact]
    public void Tables_nest_into_sections()
    {
        var data = TomlConfigurationProvider.Parse("""
            top = "root"
            [server]
            host = "0.0.0.0"
            [a.b]
            c = 1
            [a]
            d.e = "dotted"
            """, "test.toml");

        data["top"].ShouldBe("root");
        data["server:host"].ShouldBe("0.0.0.0");
        data["a:b:c"].ShouldBe("1");
        data["a:d:e"].ShouldBe("dotted");
    }

    [Fact]
    public void Scalars_become_invariant_strings_the_binder_reads()
    {
        var data = TomlConfigurationProvider.Parse("""
            int = -42
            big = 9_000_000_000
            hex = 0xff
            yes = true
            no = false
            float = 1.5
            text = "quoted \"text\""
            literal = 'C:\path'
            """, "test.toml");

        data["int"].ShouldBe("-42");
        data["big"].ShouldBe("9000000000");
        data["hex"].ShouldBe("255");
        data["yes"].ShouldBe("true");
        data["no"].ShouldBe("false");
        data["float"].ShouldBe("1.5");
        data["text"].ShouldBe("quoted \"text\"");
        data["literal"].ShouldBe(@"C:\path");
    }

    [Fact]
    public void Arrays_and_arrays_of_tables_become_indexed_children()
    {
        var data = TomlConfigurationProvider.Parse("""
            origins = ["https://a.example", "https://b.example"]
            nested = [[1, 2], [3]]
            [[peers]]
            name = "first"
            [[peers]]
            name = "second"
            """, "test.toml");

        data["origins:0"].ShouldBe("https://a.example");
        data["origins:1"].ShouldBe("https://b.example");
        data["nested:0:1"].ShouldBe("2");
        data["nested:1:0"].ShouldBe("3");
        data["peers:0:name"].ShouldBe("first");
        data["peers:1:name"].ShouldBe("second");
    }

    [Fact]
    public void An_empty_array_adds_no_keys()
    {
        TomlConfigurationProvider.Parse("[sync]\nallowed_origins = []\n", "test.toml").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("port = \n", 1)]
    [InlineData("[server]\nport = 1\n[server\n", 3)]
    [InlineData("[server]\nhost = \"unterminated\n", 2)]
    public void A_syntax_error_names_the_file_and_line(string toml, int line)
    {
        var error = Should.Throw<InvalidConfigurationException>(() => TomlConfigurationProvider.Parse(toml, "/etc/tanaka.toml"));

        error.Message.ShouldContain("/etc/tanaka.toml");
        error.Message.ShouldContain($"line {line}");
    }

    [Fact]
    public void A_file_that_cannot_be_read_is_a_configuration_error()
    {
        var provider = new TomlConfigurationProvider(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "none.toml"));

        Should.Throw<InvalidConfigurationException>(provider.Load).Message.ShouldContain("cannot be read");
    }
}
