namespace Maci.Modules.Auth.Types;

/// <summary>
/// Chain-wide fee rules enforced by the ante chain in every mode (consensus, not per-validator):
/// the minimum gas price in the chain's fee denom and the largest gas limit one tx may ask for.
/// </summary>
public sealed record AnteOptions(GasPrice MinGasPrice, ulong MaxGasPerTx)
{
    public static AnteOptions Default(string denom) => new(new GasPrice(denom, 25, 10_000), 100_000_000);
}
