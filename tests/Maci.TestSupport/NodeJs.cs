using System.Diagnostics;

namespace Maci.TestSupport;

/// <summary>
/// Runs Node.js scripts from tests/js (the pinned reference libraries and real clients).
/// Fails loudly when node or the npm packages are missing: `scripts/test` installs them.
/// </summary>
public static class NodeJs
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    /// <summary>Runs `node script args…` in tests/js, writing <paramref name="stdin"/> to its input.</summary>
    public static async Task<Result> RunAsync(string script, IEnumerable<string>? args = null, string? stdin = null,
        TimeSpan? timeout = null, CancellationToken ct = default)
    {
        EnsureInstalled();
        var psi = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoPaths.JsDir,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(script);
        foreach (var a in args ?? []) psi.ArgumentList.Add(a);
        using var proc = Process.Start(psi) ?? throw new InvalidOperationException("could not start node");
        var stdout = proc.StandardOutput.ReadToEndAsync(ct);
        var stderr = proc.StandardError.ReadToEndAsync(ct);
        if (stdin is not null) await proc.StandardInput.WriteAsync(stdin);
        proc.StandardInput.Close();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout ?? TimeSpan.FromMinutes(5));
        try
        {
            await proc.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            proc.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} did not finish in time; stderr: {await stderr}");
        }
        return new Result(proc.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs a script and returns its standard output, throwing with its stderr when it fails.</summary>
    public static async Task<string> RunCheckedAsync(string script, IEnumerable<string>? args = null, string? stdin = null,
        TimeSpan? timeout = null)
    {
        var r = await RunAsync(script, args, stdin, timeout);
        if (r.ExitCode != 0)
            throw new InvalidOperationException($"node {script} exited {r.ExitCode}: {r.StdErr}");
        return r.StdOut;
    }

    private static void EnsureInstalled()
    {
        if (!Directory.Exists(Path.Combine(RepoPaths.JsDir, "node_modules")))
            throw new InvalidOperationException(
                "tests/js/node_modules is missing: run scripts/test (it runs `npm ci` in tests/js) before these tests");
    }
}
