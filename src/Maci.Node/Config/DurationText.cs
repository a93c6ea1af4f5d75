using System.Globalization;

namespace Maci.Node.Config;

/// <summary>Parses durations written like Go's: "1s", "500ms", "2m", "1.5s".</summary>
public static class DurationText
{
    public static TimeSpan Parse(string text)
    {
        var t = text.Trim();
        (string unit, double scale)[] units = [("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000)];
        foreach (var (unit, scale) in units)
        {
            if (!t.EndsWith(unit, StringComparison.Ordinal)) continue;
            var number = t[..^unit.Length];
            if (unit == "s" && number.EndsWith('m')) continue;
            if (decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value > 0)
                return TimeSpan.FromMilliseconds((double)value * scale);
        }
        throw new NodeConfigException($"invalid duration '{text}' (expected e.g. 1s, 500ms, 2m)");
    }
}
