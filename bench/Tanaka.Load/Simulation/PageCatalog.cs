namespace Tanaka.Load.Simulation;

/// <summary>Plausible URLs and titles (lengths like real ones: URLs of 40 to 120 characters, titles of 20 to 80).</summary>
internal static class PageCatalog
{
    private static readonly string[] Sites =
    [
        "github.com", "developer.mozilla.org", "news.ycombinator.com", "en.wikipedia.org", "stackoverflow.com",
        "docs.microsoft.com", "www.youtube.com", "mail.example.com", "calendar.example.com", "www.nytimes.com",
    ];

    private static readonly string[] Words =
    [
        "sync", "tabs", "window", "crdt", "merge", "latency", "server", "browser", "extension", "update",
        "release", "notes", "issue", "review", "design", "benchmark", "profile", "storage", "cache", "query",
    ];

    public static (string Url, string Title) Next(Random random)
    {
        var site = Sites[random.Next(Sites.Length)];
        var path = string.Join('/', Enumerable.Range(0, random.Next(1, 4)).Select(_ => Word(random)));
        var url = $"https://{site}/{path}/{random.Next(1, 1_000_000)}?ref={Word(random)}";
        var title = string.Join(' ', Enumerable.Range(0, random.Next(3, 9)).Select(_ => Word(random)));
        return (url, $"{char.ToUpperInvariant(title[0])}{title[1..]} - {site}");
    }

    public static string Title(Random random) =>
        string.Join(' ', Enumerable.Range(0, random.Next(3, 9)).Select(_ => Word(random))) + $" ({random.Next(1, 100)})";

    private static string Word(Random random) => Words[random.Next(Words.Length)];
}
