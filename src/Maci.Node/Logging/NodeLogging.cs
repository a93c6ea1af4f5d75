using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;

namespace Maci.Node.Logging;

/// <summary>Console logging for macid: one line per entry with UTC timestamps, structured scopes, a minimum level.</summary>
public static class NodeLogging
{
    public static void Configure(ILoggingBuilder logging, LogLevel level)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(level);
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            o.IncludeScopes = true;
            o.ColorBehavior = LoggerColorBehavior.Disabled;
        });
        // Logs go to stderr so stdout carries only the listen addresses and command output.
        logging.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }

    public static LogLevel ParseLevel(string text) =>
        Enum.TryParse<LogLevel>(text, ignoreCase: true, out var level) && Enum.IsDefined(level)
            ? level
            : text.ToLowerInvariant() switch
            {
                "info" => LogLevel.Information,
                "warn" => LogLevel.Warning,
                "debug" => LogLevel.Debug,
                "error" => LogLevel.Error,
                _ => throw new Cli.CliException($"unknown log level '{text}' (Trace, Debug, Information, Warning, Error)"),
            };
}
