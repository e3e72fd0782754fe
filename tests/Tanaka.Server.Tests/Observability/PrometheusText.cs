using System.Globalization;

namespace Tanaka.Server.Tests.Observability;

/// <summary>A parsed Prometheus text exposition: one sample per line, looked up by name and labels.</summary>
public sealed class PrometheusText
{
    private readonly List<(string Name, Dictionary<string, string> Labels, double Value)> _samples = [];

    private PrometheusText()
    {
    }

    public static async Task<PrometheusText> ScrapeAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("metrics", UriKind.Relative), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public static PrometheusText Parse(string text)
    {
        var parsed = new PrometheusText();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            // name{a="1",b="2"} value [timestamp]
            var brace = line.IndexOf('{', StringComparison.Ordinal);
            var close = line.LastIndexOf('}');
            var name = brace < 0 ? line[..line.IndexOf(' ', StringComparison.Ordinal)] : line[..brace];
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            if (brace >= 0)
            {
                foreach (var pair in line[(brace + 1)..close].Split("\",", StringSplitOptions.RemoveEmptyEntries))
                {
                    var eq = pair.IndexOf('=', StringComparison.Ordinal);
                    labels[pair[..eq]] = pair[(eq + 1)..].Trim('"');
                }
            }

            var rest = line[((brace < 0 ? name.Length : close + 1))..].Trim().Split(' ');
            parsed._samples.Add((name, labels, double.Parse(rest[0], NumberStyles.Float, CultureInfo.InvariantCulture)));
        }

        return parsed;
    }

    /// <summary>The sum of every sample of <paramref name="name"/> whose labels include <paramref name="labels"/> (0 when none).</summary>
    public double Value(string name, params (string Key, string Value)[] labels) =>
        _samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value)).Sum(s => s.Value);

    public bool Has(string name) => _samples.Any(s => s.Name == name);
}
