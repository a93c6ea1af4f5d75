using System.Diagnostics;
using System.Net.Sockets;
using Maci.Abci.Tests.Support;

namespace Maci.Abci.Tests.Crash;

/// <summary>A child process running <see cref="AbciHostProgram"/> on a fresh Unix socket.</summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stderr;

    private HostProcess(Process process, string socketPath, long height, string appHashHex)
    {
        _process = process;
        _stderr = process.StandardError.ReadToEndAsync();
        SocketPath = socketPath;
        ReadyHeight = height;
        ReadyAppHashHex = appHashHex;
    }

    public string SocketPath { get; }
    public UnixDomainSocketEndPoint EndPoint => new(SocketPath);
    public long ReadyHeight { get; }
    public string ReadyAppHashHex { get; }

    public static async Task<HostProcess> StartAsync(string dataDir, CrashPoint? crashAt)
    {
        var socketPath = TestServer.UnixSocketPath();
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(typeof(AbciHostProgram).Assembly.Location);
        psi.ArgumentList.Add("abci-host");
        psi.ArgumentList.Add(dataDir);
        psi.ArgumentList.Add("unix://" + socketPath);
        if (crashAt is not null) psi.ArgumentList.Add($"crash-at={crashAt}");
        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start the ABCI host");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line is null || !line.StartsWith("ready ", StringComparison.Ordinal))
        {
            var err = await process.StandardError.ReadToEndAsync(timeout.Token);
            throw new InvalidOperationException($"ABCI host did not start: '{line}' {err}");
        }
        var parts = line.Split(' ');
        return new HostProcess(process, socketPath, long.Parse(parts[1]), parts[2]);
    }

    /// <summary>Waits for the process to end on its own (the crash point) and returns its exit code and stderr.</summary>
    public async Task<(int ExitCode, string StdErr)> WaitForDeathAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
        return (_process.ExitCode, await _stderr);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
            }
        }
        _process.Dispose();
        if (File.Exists(SocketPath)) File.Delete(SocketPath);
    }
}
