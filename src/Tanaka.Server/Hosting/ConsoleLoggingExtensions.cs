using Microsoft.Extensions.Logging.Console;
using Tanaka.Server.Config;

namespace Tanaka.Server.Hosting;

internal static class ConsoleLoggingExtensions
{
    /// <summary>Console logs, one line per event: plain text, or JSON when observability.log_format = "json".</summary>
    public static ILoggingBuilder AddTanakaConsole(this ILoggingBuilder logging, IConfiguration configuration)
    {
        var options = configuration.GetSection(ObservabilityOptions.Section).Get<ObservabilityOptions>() ?? new ObservabilityOptions();
        var level = Enum.Parse<LogLevel>(options.LogLevel, ignoreCase: true);

        logging.ClearProviders();
        logging.SetMinimumLevel(level);
        // ASP.NET Core's own request lines include query strings, which may carry tokens; our
        // request logging middleware replaces them.
        logging.AddFilter("Microsoft.AspNetCore", (LogLevel)Math.Max((int)level, (int)LogLevel.Warning));
        if (string.Equals(options.LogFormat, ObservabilityOptions.JsonLogFormat, StringComparison.OrdinalIgnoreCase))
        {
            logging.AddJsonConsole(json =>
            {
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                json.JsonWriterOptions = new() { Indented = false };
            });
        }
        else
        {
            logging.AddSimpleConsole(text =>
            {
                text.SingleLine = true;
                text.UseUtcTimestamp = true;
                text.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
                text.ColorBehavior = LoggerColorBehavior.Default;
            });
        }

        return logging;
    }
}
