using System.Globalization;
using Maci.Crypto.Amaci;
using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;
using Maci.Modules.Rounds.Types;
using Maci.Proto.Maci.Rounds.V1;

namespace Maci.Node.Cli;

/// <summary>Parsing of rounds CLI inputs: times, circuit sizes and types, field elements, points and amounts.</summary>
public static class RoundCliText
{
    /// <summary>Unix seconds, or an RFC 3339 time with a zone (2026-01-02T15:04:05Z, …+02:00).</summary>
    public static long ParseTime(string text, string what)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return seconds;
        var zoned = text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        if (zoned && text.Contains('T', StringComparison.OrdinalIgnoreCase)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
            return t.ToUnixTimeSeconds();
        throw new CliException($"invalid {what} '{Clip(text)}': expected unix seconds or an RFC 3339 time such as 2026-01-02T15:04:05Z");
    }

    /// <summary>"9-4-3-125": state depth, int state depth, vote option depth, message batch size.</summary>
    public static CircuitSize ParseCircuitSize(string text)
    {
        var parts = text.Split('-');
        var v = new uint[4];
        if (parts.Length != 4 || parts.Select((p, i) => uint.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out v[i])).Any(ok => !ok))
            throw new CliException($"invalid --circuit '{Clip(text)}': expected four numbers like 2-1-1-5 (state depth, int depth, option depth, batch size)");
        var size = new CircuitSize { StateTreeDepth = v[0], IntStateTreeDepth = v[1], VoteOptionTreeDepth = v[2], MessageBatchSize = v[3] };
        return CircuitSizes.Validate(size) is { } err ? throw new CliException($"invalid --circuit '{text}': {err}") : size;
    }

    public static CircuitType ParseCircuitType(string text) => text.ToLowerInvariant() switch
    {
        "1p1v" or "linear" => CircuitType.OnePersonOneVote,
        "qv" or "quadratic" => CircuitType.Quadratic,
        _ => throw new CliException($"invalid --circuit-type '{Clip(text)}' (use 1p1v or qv)"),
    };

    public static RoundKind ParseKind(string text) => text.ToLowerInvariant() switch
    {
        "amaci" => RoundKind.Amaci,
        "maci" => RoundKind.Maci,
        _ => throw new CliException($"invalid --kind '{Clip(text)}' (use amaci or maci)"),
    };

    public static Period ParsePeriod(string text) => text.ToLowerInvariant() switch
    {
        "pending" => Period.Pending,
        "processing" => Period.Processing,
        "tallying" => Period.Tallying,
        "ended" => Period.Ended,
        _ => throw new CliException($"invalid --status '{Clip(text)}' (use pending, processing, tallying or ended)"),
    };

    /// <summary>A field element below the BN254 scalar modulus, decimal or 0x-hex; returned in decimal.</summary>
    public static string ParseField(string text, string what) =>
        Fr.TryParse(text.Trim(), out var f) ? f.ToString() : throw new CliException($"invalid {what} '{Clip(text)}': expected an integer below the BN254 scalar field modulus");

    /// <summary>Comma-separated field elements; exactly <paramref name="count"/> of them when given.</summary>
    public static List<string> ParseFields(string text, string what, int? count = null)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (count is { } n && parts.Length != n)
            throw new CliException($"invalid {what}: expected {n} comma-separated field elements, got {parts.Length}");
        return parts.Select((p, i) => ParseField(p, parts.Length == 1 ? what : $"{what}[{i}]")).ToList();
    }

    /// <summary>"X,Y" in decimal or 0x-hex: a Baby Jubjub point with x ≠ 0, the check the chain applies to keys.</summary>
    public static BabyJubjubPoint ParsePoint(string text, string what)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            throw new CliException($"invalid {what} '{Clip(text)}': expected X,Y (two coordinates)");
        if (!Fr.TryParse(parts[0], out var x) || !Fr.TryParse(parts[1], out var y))
            throw new CliException($"invalid {what} '{Clip(text)}': coordinates must be integers below the field modulus");
        var point = new BabyJubjubPoint(x, y);
        return AmaciKeyChecks.IsValidPublicKey(point) ? point : throw new CliException($"invalid {what}: not a Baby Jubjub point with x ≠ 0");
    }

    public static PubKey ToProto(in BabyJubjubPoint p) => new() { X = p.X.ToString(), Y = p.Y.ToString() };

    /// <summary>A non-negative integer amount (voice credits, thresholds), returned in canonical decimal.</summary>
    public static string ParseAmount(string text, string what, bool positive = true) =>
        UInt128.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) && (!positive || v > UInt128.Zero)
            ? v.ToString(CultureInfo.InvariantCulture)
            : throw new CliException($"invalid {what} '{Clip(text)}': expected a {(positive ? "positive" : "non-negative")} integer");

    public static uint ParseUInt(string text, string what) =>
        uint.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new CliException($"invalid {what} '{Clip(text)}': expected an integer 0..{uint.MaxValue}");

    /// <summary>The coin a paid round message attaches: the exact amount, or none when nothing is due.</summary>
    public static Maci.Proto.Cosmos.Base.V1Beta1.Coin? Fee(string denom, UInt128 amount) =>
        amount == UInt128.Zero ? null : new() { Denom = denom, Amount = amount.ToString(CultureInfo.InvariantCulture) };

    public static UInt128 StoredAmount(string text) =>
        text.Length == 0 ? UInt128.Zero
        : UInt128.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v
        : throw new CliException($"the node returned an unreadable amount '{Clip(text)}'");

    /// <summary>A secp256k1 compressed key as 66 hex characters or base64 (Dora's form).</summary>
    public static byte[] ParseOraclePubKey(string text)
    {
        byte[] bytes;
        try
        {
            bytes = text.Length == 66 && text.All(char.IsAsciiHexDigit) ? Convert.FromHexString(text) : Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new CliException($"invalid --oracle-pubkey '{Clip(text)}': expected 33 bytes as hex or base64");
        }
        return bytes.Length == 33 && Maci.Crypto.Cosmos.Secp256k1.IsValidPublicKey(bytes)
            ? bytes
            : throw new CliException("invalid --oracle-pubkey: not a 33-byte compressed secp256k1 public key");
    }

    /// <summary>Hex (64 bytes, optional 0x) or base64 of an oracle certificate signature.</summary>
    public static byte[] ParseCertificate(string text)
    {
        var hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        try
        {
            var bytes = hex.Length == 128 && hex.All(char.IsAsciiHexDigit) ? Convert.FromHexString(hex) : Convert.FromBase64String(text);
            if (bytes.Length == 64) return bytes;
        }
        catch (FormatException)
        {
        }
        throw new CliException($"invalid --certificate '{Clip(text)}': expected a 64-byte signature as hex or base64");
    }

    public static string Clip(string s) => s.Length <= 80 ? s : s[..80] + "…";
}
