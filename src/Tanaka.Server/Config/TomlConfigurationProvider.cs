using System.Globalization;
using Tomlyn;
using Tomlyn.Model;

namespace Tanaka.Server.Config;

/// <summary>
/// Reads a TOML file into configuration keys: tables become sections (<c>[server]</c> <c>port</c>
/// is <c>server:port</c>), arrays and arrays of tables become indexed children (<c>:0</c>, <c>:1</c>),
/// and scalars become invariant-culture strings the options binder understands.
/// </summary>
public sealed class TomlConfigurationProvider(string path) : ConfigurationProvider
{
    public string Path { get; } = path;

    public override void Load()
    {
        string text;
        try
        {
            text = File.ReadAllText(Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidConfigurationException($"config file '{Path}' cannot be read: {e.Message}", e);
        }

        Data = Parse(text, Path);
    }

    /// <summary>Flattens TOML text to configuration keys; a syntax error becomes an <see cref="InvalidConfigurationException"/> naming the line.</summary>
    public static Dictionary<string, string?> Parse(string text, string sourceName)
    {
        TomlTable table;
        try
        {
            table = TomlSerializer.Deserialize<TomlTable>(text) ?? [];
        }
        catch (TomlException e)
        {
            var detail = e.Diagnostics is { Count: > 0 } diagnostics
                ? string.Join("; ", diagnostics.Select(d => d.Message))
                : e.Message;
            throw new InvalidConfigurationException($"config file '{sourceName}' line {e.Line}, column {e.Column}: {detail}", e);
        }

        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        Flatten(table, prefix: null, data);
        return data;
    }

    private static void Flatten(object value, string? prefix, Dictionary<string, string?> data)
    {
        switch (value)
        {
            case TomlTable table:
                foreach (var (key, child) in table)
                {
                    Flatten(child, Combine(prefix, key), data);
                }

                break;
            case TomlTableArray tables:
                for (var i = 0; i < tables.Count; i++)
                {
                    Flatten(tables[i], Combine(prefix, Index(i)), data);
                }

                break;
            case TomlArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } item)
                    {
                        Flatten(item, Combine(prefix, Index(i)), data);
                    }
                }

                break;
            default:
                // A root-level scalar has no section; keep it so validation can report it as unknown.
                data[prefix ?? ""] = Scalar(value);
                break;
        }
    }

    private static string Scalar(object value) => value switch
    {
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);

    private static string Combine(string? prefix, string key) =>
        prefix is null ? key : ConfigurationPath.Combine(prefix, key);
}
