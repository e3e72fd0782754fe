namespace Tanaka.Server.Services;

/// <summary>
/// Text for the person at the console, written straight to standard output and never through
/// the logging pipeline, which may ship logs elsewhere: used to show a new token once.
/// </summary>
public sealed class ConsoleBanner(TextWriter? writer = null)
{
    public void Write(string text)
    {
        var output = writer ?? Console.Out;
        output.WriteLine(text);
        output.Flush();
    }
}
