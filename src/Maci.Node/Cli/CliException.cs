namespace Maci.Node.Cli;

/// <summary>A user-facing command failure: printed as one line on stderr, exit code <see cref="ExitCode"/>.</summary>
public sealed class CliException(string message, int exitCode = 1) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
