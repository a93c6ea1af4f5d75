using Maci.Modules.Auth.Types;
using Maci.Sdk.Gas;
using Maci.Sdk.Tx;

namespace Maci.Abci.App;

/// <summary>
/// Chain-wide settings that are part of consensus (every node must use the same): chain id, bech32
/// prefix, fee denom and minimum gas price, tx size limit and gas prices of store access.
/// </summary>
public sealed record AppConfig
{
    public required string ChainId { get; init; }
    public string Bech32Prefix { get; init; } = "maci";
    public string FeeDenom { get; init; } = "umaci";

    /// <summary>Minimum gas price, e.g. "0.0025umaci" (exact decimal, no floating point).</summary>
    public string MinGasPrice { get; init; } = "0.0025umaci";
    public ulong MaxGasPerTx { get; init; } = 100_000_000;
    public int MaxTxBytes { get; init; } = TxDecodeOptions.DefaultMaxTxBytes;
    public GasConfig Gas { get; init; } = GasConfig.Default;
    public ulong AppVersion { get; init; } = 1;
    public string Version { get; init; } = "0.1.0";

    /// <summary>Threads used to pre-verify a block's signatures (results are identical for any value).</summary>
    public int SignatureParallelism { get; init; } = Environment.ProcessorCount;

    public AnteOptions AnteOptions()
    {
        var price = GasPrice.Parse(MinGasPrice);
        if (price.Denom != FeeDenom)
            throw new ArgumentException($"min gas price denom {price.Denom} differs from the fee denom {FeeDenom}");
        return new AnteOptions(price, MaxGasPerTx);
    }

    /// <summary>The devnet settings: chain id "maci-devnet-1", prefix "maci", denom "umaci".</summary>
    public static AppConfig Devnet() => new() { ChainId = "maci-devnet-1" };
}
