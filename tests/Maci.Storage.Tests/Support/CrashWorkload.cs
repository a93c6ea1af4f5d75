namespace Maci.Storage.Tests.Support;

/// <summary>
/// The deterministic blocks the crash tests commit: block h's writes depend only on h, so a replay in
/// memory rebuilds exactly the state a killed writer had committed.
/// </summary>
public static class CrashWorkload
{
    public static readonly string[] ModuleNames = ["bank", "rounds"];

    public static ModuleStoreKey[] Register(CommitStore store) => [.. ModuleNames.Select(store.RegisterModule)];

    /// <summary>Runs block <paramref name="height"/>: 250 transactions of 4 writes, every 7th one dropped.</summary>
    public static void ApplyBlock(CommitStore store, ModuleStoreKey[] modules, long height)
    {
        var rng = new Random(unchecked((int)(height * 1_000_003)));
        for (var tx = 0; tx < 250; tx++)
        {
            var branch = store.Working.Branch();
            for (var w = 0; w < 4; w++)
            {
                var module = branch.Module(modules[rng.Next(modules.Length)]);
                var key = BitConverter.GetBytes(rng.Next(3000));
                if (rng.Next(5) == 0)
                {
                    module.Delete(key);
                }
                else
                {
                    var value = new byte[rng.Next(1, 64)];
                    rng.NextBytes(value);
                    module.Set(key, value);
                }
            }
            if (tx % 7 != 3) branch.Write();
        }
    }
}
