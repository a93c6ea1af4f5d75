namespace Maci.Sdk.Gas;

/// <summary>Gas prices of store access (SDK KVGasConfig values by default). Part of consensus: change only by upgrade.</summary>
public sealed record GasConfig
{
    public ulong HasCost { get; init; } = 1000;
    public ulong DeleteCost { get; init; } = 1000;
    public ulong ReadCostFlat { get; init; } = 1000;
    public ulong ReadCostPerByte { get; init; } = 3;
    public ulong WriteCostFlat { get; init; } = 2000;
    public ulong WriteCostPerByte { get; init; } = 30;
    public ulong IterNextCostFlat { get; init; } = 30;

    public static GasConfig Default { get; } = new();
}
