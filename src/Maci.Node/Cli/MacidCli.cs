using System.CommandLine;
using Maci.Node.Config;

namespace Maci.Node.Cli;

/// <summary>The macid command line: init, start, comet-config, keys, tx, query, status.</summary>
public static class MacidCli
{
    public static RootCommand Build(TextWriter stdout, TextWriter stderr)
    {
        var io = new CliIo(stdout, stderr);
        return new RootCommand("macid: the Maci.Chain node (CometBFT v0.38 ABCI app with an embedded single-validator mode)")
        {
            InitCommand.Create(io),
            StartCommand.Create(io),
            CometConfigCommand.Create(io),
            KeysCommands.Create(io),
            TxCommands.Create(io),
            QueryCommands.Create(io),
            StatusCommand.Create(io),
            ExportCommand.Create(io),
        };
    }

    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null,
        CancellationToken ct = default)
    {
        stdout ??= Console.Out;
        stderr ??= Console.Error;
        var root = Build(stdout, stderr);
        var parse = root.Parse(args);
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        try
        {
            return await parse.InvokeAsync(config, ct);
        }
        catch (Exception e)
        {
            await stderr.WriteLineAsync("Error: " + Describe(e));
            return e is CliException c ? c.ExitCode : 1;
        }
    }

    /// <summary>One line for the user; no stack trace.</summary>
    public static string Describe(Exception e) => e switch
    {
        CliException or NodeConfigException => e.Message,
        OperationCanceledException => "cancelled",
        HttpRequestException h => $"cannot reach the node: {h.Message}",
        _ => $"{e.GetType().Name}: {e.Message}",
    };
}
