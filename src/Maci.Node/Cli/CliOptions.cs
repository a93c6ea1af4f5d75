using System.CommandLine;
using Maci.Node.Config;

namespace Maci.Node.Cli;

/// <summary>Options shared by several commands.</summary>
public static class CliOptions
{
    public static Option<string> Home() => new("--home")
    {
        Description = "Node home directory (config/, data/, keyring.json); default $MACI_HOME or ~/.macid",
        DefaultValueFactory = _ => NodeHome.DefaultRoot,
    };

    public static Option<string> Output() => new("--output", "-o")
    {
        Description = "Output format: text or json",
        DefaultValueFactory = _ => "text",
    };

    public static Option<string> Node() => new("--node")
    {
        Description = "CometBFT JSON-RPC address of the node",
        DefaultValueFactory = _ => "http://127.0.0.1:26657",
    };

    public static Option<string?> KeyringPassphrase() => new("--keyring-passphrase")
    {
        Description = "Keyring passphrase (else $MACI_KEYRING_PASSPHRASE, else prompt)",
    };

    public static bool IsJson(string output) => output switch
    {
        "json" => true,
        "text" => false,
        _ => throw new CliException($"unknown --output '{output}' (use text or json)"),
    };
}
