using System.Globalization;
using System.Net.Http.Headers;
using Tanaka.Load.Reports;

namespace Tanaka.Load;

/// <summary>
/// Reads the server's own latency histograms from <c>GET /metrics</c> (Prometheus text): the
/// HTTP request duration of <c>POST /sync</c> and the sync service's duration. Differences of two
/// scrapes give one phase's server-side latency, free of the load generator's own queueing.
/// Percentiles are interpolated within the server's buckets (0.1 ms wide up to 0.5 ms, wider above).
/// </summary>
internal sealed class ServerMetrics(HttpClient http, string token)
{
    private const string HttpHistogram = "http_server_request_duration_seconds_bucket";
    private const string ServiceHistogram = "tanaka_sync_duration_seconds_bucket";

    // A request is counted when the server finishes it, a moment after the client has read the
    // answer; waiting a little makes a scrape include the phase's last syncs.
    public static readonly TimeSpan SettleDelay = TimeSpan.FromMilliseconds(250);

    public async Task<Snapshot?> ScrapeAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(SettleDelay, cancellationToken);
        string text;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "metrics");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            text = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException)
        {
            return null;
        }

        var httpBuckets = new SortedDictionary<double, double>();
        var serviceBuckets = new SortedDictionary<double, double>();
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(HttpHistogram, StringComparison.Ordinal)
                && line.Contains("http_route=\"/sync", StringComparison.Ordinal)
                && line.Contains("http_request_method=\"POST\"", StringComparison.Ordinal))
            {
                Add(httpBuckets, line);
            }
            else if (line.StartsWith(ServiceHistogram, StringComparison.Ordinal))
            {
                Add(serviceBuckets, line);
            }
        }

        return new Snapshot(httpBuckets, serviceBuckets);
    }

    /// <summary>Adds a cumulative bucket line (<c>...{...,le="0.001"} 42</c>) into the sum over all label sets.</summary>
    private static void Add(SortedDictionary<double, double> buckets, string line)
    {
        var le = line.IndexOf("le=\"", StringComparison.Ordinal);
        var close = le < 0 ? -1 : line.IndexOf('"', le + 4);
        var space = line.LastIndexOf(' ');
        if (close < 0 || space < close)
        {
            return;
        }

        var boundText = line[(le + 4)..close];
        var bound = boundText == "+Inf" ? double.PositiveInfinity : double.Parse(boundText, CultureInfo.InvariantCulture);
        if (double.TryParse(line[(space + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var count))
        {
            buckets[bound] = buckets.GetValueOrDefault(bound) + count;
        }
    }

    /// <summary>Cumulative bucket counts (upper bound in seconds -> requests at or below it) at one moment.</summary>
    public sealed record Snapshot(SortedDictionary<double, double> Http, SortedDictionary<double, double> Service)
    {
        public ServerLatencyReport? Since(Snapshot before) =>
            Histogram(Delta(Http, before.Http)) is { } http
                ? new ServerLatencyReport(http, Histogram(Delta(Service, before.Service)))
                : null;

        private static SortedDictionary<double, double> Delta(SortedDictionary<double, double> after, SortedDictionary<double, double> before) =>
            new(after.ToDictionary(b => b.Key, b => b.Value - before.GetValueOrDefault(b.Key)));

        private static ServerHistogramReport? Histogram(SortedDictionary<double, double> cumulative)
        {
            var total = cumulative.Count == 0 ? 0 : cumulative.Values.Max();
            if (total <= 0)
            {
                return null;
            }

            return new ServerHistogramReport((long)total, Percentile(cumulative, total, 0.50), Percentile(cumulative, total, 0.95), Percentile(cumulative, total, 0.99));
        }

        /// <summary>Milliseconds, linear within the bucket; capped at the last finite bound when it falls beyond it.</summary>
        private static double Percentile(SortedDictionary<double, double> cumulative, double total, double p)
        {
            var target = p * total;
            var lowerBound = 0.0;
            var lowerCount = 0.0;
            foreach (var (bound, count) in cumulative)
            {
                if (count >= target)
                {
                    if (double.IsPositiveInfinity(bound))
                    {
                        return lowerBound * 1000;
                    }

                    var fraction = count > lowerCount ? (target - lowerCount) / (count - lowerCount) : 1;
                    return (lowerBound + ((bound - lowerBound) * fraction)) * 1000;
                }

                lowerBound = bound;
                lowerCount = count;
            }

            return lowerBound * 1000;
        }
    }
}
