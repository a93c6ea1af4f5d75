using System.CommandLine;

namespace Maci.Node.Cli;

/// <summary>The options every tx command takes (keyring, node, fees and gas, memo, waiting).</summary>
public sealed class TxFlags
{
    public Option<string> Home { get; } = CliOptions.Home();
    public Option<string> Output { get; } = CliOptions.Output();
    public Option<string?> Passphrase { get; } = CliOptions.KeyringPassphrase();
    public Option<string> Node { get; } = CliOptions.Node();
    public Option<string?> Fees { get; } = new("--fees") { Description = "Fee coins (default: gas × --gas-prices)" };
    public Option<string> Gas { get; } = new("--gas") { Description = "Gas limit or 'auto' (simulate × --gas-adjustment)", DefaultValueFactory = _ => "auto" };
    public Option<double> GasAdjustment { get; } = new("--gas-adjustment") { DefaultValueFactory = _ => TxCommands.DefaultGasAdjustment };
    public Option<string> GasPrices { get; } = new("--gas-prices") { DefaultValueFactory = _ => "0.0025umaci" };
    public Option<string?> ChainId { get; } = new("--chain-id") { Description = "Chain id (default: the node's)" };
    public Option<string> Memo { get; } = new("--memo") { DefaultValueFactory = _ => "" };
    public Option<bool> NoWait { get; } = new("--no-wait") { Description = "Return after CheckTx without waiting for inclusion" };
    public Option<string> Timeout { get; } = new("--timeout") { DefaultValueFactory = _ => "30s", Description = "How long to wait for inclusion" };

    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { Home, Output, Passphrase, Node, Fees, Gas, GasAdjustment, GasPrices, ChainId, Memo, NoWait, Timeout })
            command.Options.Add(o);
    }
}
