using System.CommandLine;
using Google.Protobuf;
using Maci.Proto.Maci.Rounds.V1;

namespace Maci.Node.Cli;

/// <summary>Voice credit and registration mode options of <c>tx round create</c> and <c>tx round update-registration</c>.</summary>
public sealed class RoundRegistrationOptions
{
    public Option<string?> VoiceCredits { get; } = new("--voice-credits") { Description = "Unified voice credits of every voter" };
    public Option<bool> DynamicCredits { get; } = new("--dynamic-credits") { Description = "Credits per voter from the whitelist entry or oracle certificate" };
    public Option<string?> Whitelist { get; } = new("--whitelist") { Description = "Static whitelist: ADDR[:CREDITS],… or @FILE (one entry a line)" };
    public Option<string?> OraclePubKey { get; } = new("--oracle-pubkey") { Description = "Oracle registration: the oracle's compressed secp256k1 key (hex or base64)" };
    public Option<string?> PreDeactivateRoot { get; } = new("--pre-deactivate-root") { Description = "Pre-populated registration: the pre-deactivate root" };
    public Option<string?> PreDeactivateCoordinator { get; } = new("--pre-deactivate-coordinator") { Description = "Pre-populated registration: the pre-deactivate coordinator key X,Y" };

    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { VoiceCredits, DynamicCredits, Whitelist, OraclePubKey, PreDeactivateRoot, PreDeactivateCoordinator })
            command.Options.Add(o);
    }

    /// <summary>The voice credit mode; null when neither option is given and none is required.</summary>
    public VoiceCreditMode? Credits(ParseResult p, bool required)
    {
        var (amount, dynamic) = (p.GetValue(VoiceCredits), p.GetValue(DynamicCredits));
        if (amount is not null && dynamic) throw new CliException("give either --voice-credits N or --dynamic-credits, not both");
        if (dynamic) return new VoiceCreditMode { Dynamic = true };
        if (amount is not null) return new VoiceCreditMode { UnifiedAmount = RoundCliText.ParseAmount(amount, "--voice-credits") };
        return required ? throw new CliException("give the voice credits: --voice-credits N (every voter) or --dynamic-credits") : null;
    }

    /// <summary>The registration mode; exactly one of whitelist, oracle or pre-populated.</summary>
    public RegistrationMode? Mode(ParseResult p, bool required)
    {
        var (list, oracle, root, coord) = (p.GetValue(Whitelist), p.GetValue(OraclePubKey), p.GetValue(PreDeactivateRoot), p.GetValue(PreDeactivateCoordinator));
        var given = (list is not null ? 1 : 0) + (oracle is not null ? 1 : 0) + (root is not null || coord is not null ? 1 : 0);
        if (given > 1) throw new CliException("give one registration mode: --whitelist, --oracle-pubkey, or --pre-deactivate-root with --pre-deactivate-coordinator");
        if (given == 0)
            return required ? throw new CliException("a registration mode is needed: --whitelist, --oracle-pubkey, or --pre-deactivate-root with --pre-deactivate-coordinator") : null;
        if (list is not null) return new RegistrationMode { StaticWhitelist = ParseWhitelist(list) };
        if (oracle is not null) return new RegistrationMode { Oracle = new OracleRegistration { OraclePubkey = ByteString.CopyFrom(RoundCliText.ParseOraclePubKey(oracle)) } };
        if (root is null || coord is null) throw new CliException("a pre-populated round needs both --pre-deactivate-root and --pre-deactivate-coordinator");
        return new RegistrationMode
        {
            PrePopulated = new PrePopulated
            {
                PreDeactivateRoot = RoundCliText.ParseField(root, "--pre-deactivate-root"),
                PreDeactivateCoordinator = RoundCliText.ToProto(RoundCliText.ParsePoint(coord, "--pre-deactivate-coordinator")),
            },
        };
    }

    private static StaticWhitelist ParseWhitelist(string text)
    {
        IEnumerable<string> entries;
        if (text.StartsWith('@'))
        {
            try
            {
                entries = File.ReadAllLines(text[1..]);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"cannot read whitelist file '{text[1..]}': {e.Message}");
            }
        }
        else entries = text.Split(',');
        var list = new StaticWhitelist();
        foreach (var raw in entries.Select(e => e.Trim()).Where(e => e.Length > 0 && !e.StartsWith('#')))
        {
            var parts = raw.Split([':', ' ', '\t'], 2, StringSplitOptions.TrimEntries);
            TxCommands.ValidateAddress(parts[0], "whitelist");
            list.Users.Add(new WhitelistEntry
            {
                Address = parts[0],
                VoiceCreditAmount = parts.Length == 2 ? RoundCliText.ParseAmount(parts[1], $"whitelist credits of {parts[0]}") : "",
            });
        }
        return list.Users.Count > 0 ? list : throw new CliException("the whitelist is empty");
    }
}
