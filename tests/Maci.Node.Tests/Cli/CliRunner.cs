using Maci.Node.Cli;

namespace Maci.Node.Tests.Cli;

/// <summary>Runs macid in-process and captures stdout, stderr and the exit code.</summary>
internal static class CliRunner
{
    public static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await MacidCli.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
