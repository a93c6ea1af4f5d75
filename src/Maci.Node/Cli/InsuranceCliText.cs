using System.Globalization;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Maci.Modules.Insurance.Types;
using Maci.Proto.Cosmos.Base.V1Beta1;
using Maci.Proto.Maci.Insurance.V1;

namespace Maci.Node.Cli;

/// <summary>Parsing of insurance CLI inputs (keys, coins, ratios) and printing of insurance query answers.</summary>
public static class InsuranceCliText
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true).WithPreserveProtoFieldNames(true));

    /// <summary>"X,Y" in decimal; the point must be on Baby Jubjub, in the prime subgroup and not the identity.</summary>
    public static PubKey ParsePubKey(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            throw new CliException($"invalid --pubkey '{Clip(text)}': expected X,Y (two decimal coordinates)");
        var key = new PubKey { X = parts[0], Y = parts[1] };
        if (CoordinatorKey.TryParse(key, out _) is { } err) throw new CliException($"invalid --pubkey: {err.Log}");
        return key;
    }

    /// <summary>One coin, e.g. 1000000umaci.</summary>
    public static Coin ParseCoin(string text, string what)
    {
        var coins = CoinText.ParseList(text);
        return coins.Count == 1 ? coins[0] : throw new CliException($"invalid {what} '{Clip(text)}': expected one coin, e.g. 1000000umaci");
    }

    public static ulong ParseRound(string text) =>
        ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw new CliException($"invalid round id '{Clip(text)}': expected a positive integer");

    /// <summary>Terms from --loss-ratio n/d, --min-premium, --max-premium; null when none of them is given.</summary>
    public static InsuranceTerms? ParseTerms(string? lossRatio, string? minPremium, string? maxPremium, bool required)
    {
        if (lossRatio is null && minPremium is null && maxPremium is null && !required) return null;
        if (lossRatio is null || maxPremium is null)
            throw new CliException("insurance terms need --loss-ratio n/d and --max-premium (and optionally --min-premium)");
        var parts = lossRatio.Split('/');
        if (parts.Length != 2
            || !ulong.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            || !ulong.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var d))
            throw new CliException($"invalid --loss-ratio '{Clip(lossRatio)}': expected n/d, e.g. 1/10");
        return new InsuranceTerms
        {
            LossRatioNumerator = n,
            LossRatioDenominator = d,
            MinPremium = Amount(minPremium ?? "0", "--min-premium"),
            MaxPremium = Amount(maxPremium, "--max-premium"),
        };
    }

    private static string Amount(string text, string what) =>
        UInt128.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v)
            ? v.ToString(CultureInfo.InvariantCulture)
            : throw new CliException($"invalid {what} '{Clip(text)}': expected an integer amount");

    public static JsonNode ToJson(IMessage message) => JsonNode.Parse(Formatter.Format(message))!;

    /// <summary>Human form: one "key: value" line per leaf, nested fields as a.b.</summary>
    public static void Print(CliIo io, JsonNode node, string prefix = "")
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (k, v) in o)
                {
                    if (v is null) io.Line($"{prefix}{k}: null");
                    else Print(io, v, $"{prefix}{k}" + (v is JsonValue ? ": " : "."));
                }
                break;
            case JsonArray a:
                if (a.Count == 0) io.Line($"{prefix.TrimEnd('.')}: []");
                for (var i = 0; i < a.Count; i++) Print(io, a[i]!, $"{prefix}{i}" + (a[i] is JsonValue ? ": " : "."));
                break;
            default:
                io.Line(prefix + node);
                break;
        }
    }

    private static string Clip(string s) => s.Length <= 80 ? s : s[..80] + "…";
}
