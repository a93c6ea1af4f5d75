using Maci.Sdk.Assets;

namespace Maci.Modules.Auth.Types;

/// <summary>
/// A minimum gas price as an exact fraction (no floating point): <see cref="Numerator"/>/<see cref="Denominator"/>
/// units of <see cref="Denom"/> per unit of gas. Parsed from "0.025umaci".
/// </summary>
public sealed record GasPrice(string Denom, UInt128 Numerator, UInt128 Denominator)
{
    public static GasPrice Parse(string text)
    {
        var i = 0;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.')) i++;
        var number = text[..i];
        var denom = text[i..];
        if (!Coin.IsValidDenom(denom)) throw new FormatException($"invalid gas price '{text}': bad denom '{denom}'");
        var dot = number.IndexOf('.');
        var digits = dot < 0 ? number : number.Remove(dot, 1);
        var decimals = dot < 0 ? 0 : number.Length - dot - 1;
        if (digits.Length == 0 || number.Count(c => c == '.') > 1 || decimals > 18 || !Coin.TryParseAmount(digits, out var num))
            throw new FormatException($"invalid gas price '{text}': bad amount '{number}'");
        UInt128 den = 1;
        for (var k = 0; k < decimals; k++) den *= 10;
        return new GasPrice(denom, num, den);
    }

    /// <summary>ceil(gas × price), the least fee that pays for <paramref name="gas"/>.</summary>
    public UInt128 RequiredFee(ulong gas)
    {
        var product = (UInt128)gas * Numerator; // gas < 2^64 and numerator < 10^20 keep this in range
        return (product + Denominator - 1) / Denominator;
    }

    public override string ToString() => $"{Numerator}/{Denominator}{Denom}";
}
