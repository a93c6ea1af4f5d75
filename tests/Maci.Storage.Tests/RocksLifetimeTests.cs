using Maci.Storage.Tests.Support;
using static Maci.Storage.Tests.Support.Kv;

namespace Maci.Storage.Tests;

/// <summary>
/// Closing a RocksDB database while other threads read it: every read either completes or fails with
/// ObjectDisposedException, the process survives, and the database is really closed once they stop (it reopens).
/// </summary>
public sealed class RocksLifetimeTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Dispose_while_reads_are_in_flight_never_crashes_and_closes_once_they_stop()
    {
        var path = _dir.Sub("db");
        using (var seed = RocksKvStore.Open(path))
        {
            for (var i = 0; i < 2000; i++) seed.Set(B($"key{i:D5}"), new byte[100]);
        }

        for (var round = 0; round < 4; round++)
        {
            // Reopened, the data sits in SST files, so reads pin block-cache memory.
            var db = RocksKvStore.Open(path);
            var started = new CountdownEvent(4);
            var readers = Enumerable.Range(0, 4).Select(kind => Task.Factory.StartNew(() => Read(db, kind, started),
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
            Assert.True(started.Wait(TimeSpan.FromSeconds(60)), "readers did not start");
            db.Dispose();
            var reads = await Task.WhenAll(readers);
            Assert.All(reads, n => Assert.True(n > 0));
            using var reopened = RocksKvStore.Open(path); // fails ("lock hold by current process") if still open
            Assert.Equal(100, reopened.Get(B("key01999"))!.Length);
        }
    }

    /// <summary>Reads until the database is closed under it; returns how many reads completed.</summary>
    private static long Read(RocksKvStore db, int kind, CountdownEvent started)
    {
        long done = 0;
        var rng = new Random(kind);
        try
        {
            while (true)
            {
                var key = B($"key{rng.Next(2000):D5}");
                switch (kind)
                {
                    case 0:
                        Assert.Equal(100, db.Get(key)!.Length);
                        break;
                    case 1:
                        Assert.True(db.Has(key));
                        break;
                    case 2:
                        using (var it = db.Iterate(key, []))
                            for (var n = 0; n < 20 && it.Valid; n++, it.Next())
                                Assert.Equal(100, it.Value.Length);
                        break;
                    default:
                        using (var snap = db.Snapshot())
                        {
                            Assert.Equal(100, snap.Get(key)!.Length);
                            using var it = snap.Iterate(key, []);
                            Assert.True(it.Valid);
                        }
                        break;
                }
                if (++done == 200) started.Signal();
            }
        }
        catch (ObjectDisposedException)
        {
            if (done < 200) started.Signal();
            return done;
        }
    }
}
