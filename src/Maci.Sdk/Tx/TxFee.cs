using Maci.Sdk.Assets;

namespace Maci.Sdk.Tx;

/// <summary>The fee: coins, gas limit, and optional payer/granter addresses (empty when absent).</summary>
public sealed record TxFee(Coins Amount, ulong GasLimit, string Payer, string Granter);
