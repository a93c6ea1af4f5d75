using Maci.Abci.App;
using Maci.Abci.Server;
using Maci.Storage;

namespace Maci.Abci.Tests.Crash;

/// <summary>
/// Entry point of this assembly when run as a program (the test host does not use it):
/// <c>dotnet Maci.Abci.Tests.dll abci-host DATA_DIR ADDRESS [crash-at=STAGE:HEIGHT]</c> opens the RocksDB
/// commit store in DATA_DIR and serves the devnet-configured MaciApp on ADDRESS, printing "ready H HASH"
/// once listening; it stops when stdin closes. With crash-at it SIGKILLs itself at that point.
/// </summary>
public static class AbciHostProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length is < 3 or > 4 || args[0] != "abci-host" || (args.Length == 4 && !args[3].StartsWith("crash-at=", StringComparison.Ordinal)))
        {
            Console.Error.WriteLine("usage: Maci.Abci.Tests abci-host <dataDir> <address> [crash-at=<finalize|commit-before|commit-after>:<height>]");
            return 2;
        }
        using var store = CommitStore.Open(args[1]);
        using var app = new MaciApp(AppConfig.Devnet(), store);
        IAbciApplication served = args.Length == 4 ? new CrashingApplication(app, CrashPoint.Parse(args[3]["crash-at=".Length..])) : app;
        await using var server = new AbciSocketServer(served, new AbciServerOptions { Address = args[2] });
        await server.StartAsync();
        var last = store.LastCommitted;
        Console.Out.WriteLine($"ready {last.Height} {Convert.ToHexString(last.AppHash)}");
        Console.Out.Flush();
        await Console.In.ReadToEndAsync();
        await server.StopAsync();
        return 0;
    }
}
