using Maci.Storage.Tests.Support;

namespace Maci.Storage.Tests;

/// <summary>
/// Entry point of this assembly when run as a program (the test host does not use it):
/// <c>dotnet Maci.Storage.Tests.dll crash-writer DIR</c> commits workload blocks to DIR forever,
/// printing "committed H HASH" after each, until it is killed.
/// </summary>
public static class CrashWriterProgram
{
    public static int Main(string[] args)
    {
        if (args.Length != 2 || args[0] != "crash-writer")
        {
            Console.Error.WriteLine("usage: Maci.Storage.Tests crash-writer <dir>");
            return 2;
        }
        using var store = CommitStore.Open(args[1]);
        var modules = CrashWorkload.Register(store);
        Console.Out.WriteLine($"ready {store.LastCommitted.Height}");
        Console.Out.Flush();
        for (var h = store.LastCommitted.Height + 1; h < 100_000; h++)
        {
            CrashWorkload.ApplyBlock(store, modules, h);
            var info = store.Commit(h);
            Console.Out.WriteLine($"committed {info.Height} {Convert.ToHexString(info.AppHash)}");
            Console.Out.Flush();
        }
        return 0;
    }
}
