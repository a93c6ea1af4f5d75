using System.Numerics;
using Maci.Proto.Cosmos.Base.V1Beta1;

namespace Maci.Node.Cli;

/// <summary>Parses coin lists written like the SDK CLI: "1000umaci" or "10umaci,5uatom".</summary>
public static class CoinText
{
    public static IReadOnlyList<Coin> ParseList(string text)
    {
        var coins = new List<Coin>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var i = 0;
            while (i < part.Length && char.IsAsciiDigit(part[i])) i++;
            var denom = part[i..];
            if (i == 0 || denom.Length < 2 || !char.IsAsciiLetter(denom[0]) || !denom.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or ':' or '.' or '_' or '-'))
                throw new CliException($"invalid coin '{part}' (expected an amount and a denom, e.g. 1000umaci)");
            var amount = BigInteger.Parse(part[..i]);
            if (amount.IsZero) throw new CliException($"invalid coin '{part}': amount must be positive");
            coins.Add(new Coin { Denom = denom, Amount = amount.ToString() });
        }
        if (coins.Count == 0) throw new CliException($"invalid coins '{text}'");
        return coins.OrderBy(c => c.Denom, StringComparer.Ordinal).ToList();
    }

    public static string Format(IEnumerable<Coin> coins) => string.Join(",", coins.Select(c => c.Amount + c.Denom));
}
