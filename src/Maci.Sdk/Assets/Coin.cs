using Maci.Sdk.Errors;

namespace Maci.Sdk.Assets;

/// <summary>An amount of one denomination. Amounts are unsigned 128-bit integers; arithmetic is checked.</summary>
public readonly record struct Coin(string Denom, UInt128 Amount)
{
    public const int MaxAmountDigits = 39;

    public bool IsZero => Amount == UInt128.Zero;

    public override string ToString() => $"{Amount}{Denom}";

    /// <summary>Cosmos denom rule: a letter, then 2–127 of [a-zA-Z0-9/:._-].</summary>
    public static bool IsValidDenom(ReadOnlySpan<char> denom)
    {
        if (denom.Length < 3 || denom.Length > 128 || !char.IsAsciiLetter(denom[0])) return false;
        foreach (var c in denom[1..])
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('/' or ':' or '.' or '_' or '-'))
                return false;
        return true;
    }

    /// <summary>Parses a decimal amount string as used in protobuf Coin.amount: digits only, no sign.</summary>
    public static bool TryParseAmount(ReadOnlySpan<char> s, out UInt128 amount)
    {
        amount = UInt128.Zero;
        if (s.IsEmpty || s.Length > MaxAmountDigits) return false;
        foreach (var c in s)
        {
            if (c is < '0' or > '9') return false;
            var ten = amount * 10;
            if (ten / 10 != amount) return false;
            var next = ten + (uint)(c - '0');
            if (next < ten) return false;
            amount = next;
        }
        return true;
    }

    /// <summary>Validates a protobuf coin (denom and amount), returning the typed coin or an invalid-coins error.</summary>
    public static SdkError? TryFrom(string denom, string amount, out Coin coin)
    {
        coin = default;
        if (!IsValidDenom(denom))
            return SdkErrors.InvalidCoins.Wrap($"invalid denom: '{denom}'");
        if (!TryParseAmount(amount, out var a))
            return SdkErrors.InvalidCoins.Wrap($"invalid amount '{amount}' for denom {denom}");
        coin = new Coin(denom, a);
        return null;
    }

    /// <summary>Parses "123umaci" (amount immediately followed by denom).</summary>
    public static bool TryParse(ReadOnlySpan<char> s, out Coin coin)
    {
        coin = default;
        var i = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        if (i == 0 || !TryParseAmount(s[..i], out var amount) || !IsValidDenom(s[i..])) return false;
        coin = new Coin(s[i..].ToString(), amount);
        return true;
    }
}
