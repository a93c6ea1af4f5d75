namespace Maci.Node.Config;

/// <summary>
/// The layout of a node's home directory: <c>config/config.json</c>, <c>config/genesis.json</c>,
/// <c>config/validator_key.json</c>, <c>data/application</c> (app state RocksDB), <c>data/blockstore</c>
/// (blocks, results, tx/block index RocksDB) and <c>keyring.json</c>.
/// </summary>
public sealed record NodeHome(string Root)
{
    public static string DefaultRoot =>
        Environment.GetEnvironmentVariable("MACI_HOME") is { Length: > 0 } env
            ? env
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".macid");

    public string ConfigDir => Path.Combine(Root, "config");
    public string DataDir => Path.Combine(Root, "data");
    public string ConfigFile => Path.Combine(ConfigDir, "config.json");
    public string GenesisFile => Path.Combine(ConfigDir, "genesis.json");
    public string ValidatorKeyFile => Path.Combine(ConfigDir, "validator_key.json");
    public string ApplicationDb => Path.Combine(DataDir, "application");
    public string BlockStoreDb => Path.Combine(DataDir, "blockstore");
    public string KeyringFile => Path.Combine(Root, "keyring.json");

    public bool IsInitialized => File.Exists(ConfigFile) && File.Exists(GenesisFile) && File.Exists(ValidatorKeyFile);

    public void RequireInitialized()
    {
        if (!IsInitialized)
            throw new NodeConfigException($"home {Root} is not initialised (missing config/config.json, genesis.json or validator_key.json); run `macid init --home {Root} --chain-id <id>`");
    }
}
