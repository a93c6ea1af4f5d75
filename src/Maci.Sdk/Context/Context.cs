using Maci.Sdk.Events;
using Maci.Sdk.Gas;
using Maci.Sdk.Store;
using Maci.Storage;

namespace Maci.Sdk;

/// <summary>
/// Everything a handler may see of the chain: block height and time (from the block, never the wall
/// clock), chain id, the gas meter, the event sink and the state, reached only through a module's
/// <see cref="StoreKey"/>. Derive variants with <c>with</c>.
/// </summary>
public sealed record Context
{
    /// <summary>The module stores this code may touch (a block working set, a tx branch, a CheckTx or query branch).</summary>
    public required MultiStore State { get; init; }
    public required string ChainId { get; init; }
    public required long BlockHeight { get; init; }

    /// <summary>Block time as Unix seconds and nanoseconds (from the block header).</summary>
    public long BlockTimeSeconds { get; init; }
    public int BlockTimeNanos { get; init; }

    public ExecMode Mode { get; init; } = ExecMode.Finalize;
    public GasMeter GasMeter { get; init; } = GasMeter.CreateInfinite();
    public GasConfig GasConfig { get; init; } = GasConfig.Default;
    public EventManager Events { get; init; } = new();

    /// <summary>The module's prefixed, gas-metered view of the state.</summary>
    public IKvStore Store(StoreKey key) => new MeteredStore(State.Module(key.Name), GasMeter, GasConfig);

    public bool IsCheck => Mode is ExecMode.Check or ExecMode.ReCheck;

    public bool IsSimulate => Mode == ExecMode.Simulate;

    /// <summary>A context over a fresh branch (write cache) of this state, with its own event sink.
    /// Call <c>State.Write()</c> on the returned context's state to keep its writes.</summary>
    public Context Branch() => this with { State = State.Branch(), Events = new EventManager() };
}
