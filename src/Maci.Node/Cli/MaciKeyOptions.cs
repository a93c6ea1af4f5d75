using System.CommandLine;
using Maci.Crypto.Amaci;

namespace Maci.Node.Cli;

/// <summary>Where a command gets the voter's MACI key: --maci-key FILE or --maci-private-key N.</summary>
public sealed class MaciKeyOptions
{
    public Option<string?> KeyFile { get; } = new("--maci-key") { Description = "MACI key file (macid keys maci generate)" };
    public Option<string?> PrivateKey { get; } = new("--maci-private-key") { Description = "MACI private key, decimal or 0x-hex (prefer --maci-key)" };

    public void AddTo(Command command)
    {
        command.Options.Add(KeyFile);
        command.Options.Add(PrivateKey);
    }

    public bool Given(ParseResult parse) => parse.GetValue(KeyFile) is not null || parse.GetValue(PrivateKey) is not null;

    public MaciKeypair Resolve(ParseResult parse)
    {
        var (file, priv) = (parse.GetValue(KeyFile), parse.GetValue(PrivateKey));
        if ((file is null) == (priv is null)) throw new CliException("give the voter's MACI key with either --maci-key FILE or --maci-private-key N");
        return file is not null ? MaciKeyFile.Read(file) : MaciKeyFile.FromText(priv!, "--maci-private-key");
    }
}
