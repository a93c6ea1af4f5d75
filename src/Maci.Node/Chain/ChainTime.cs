using System.Globalization;

namespace Maci.Node.Chain;

/// <summary>
/// A UTC instant with nanosecond precision (protobuf Timestamp semantics). Block times come from the
/// producer, never from the wall clock inside consensus code.
/// </summary>
public readonly record struct ChainTime(long Seconds, int Nanos) : IComparable<ChainTime>
{
    private const long UnixEpochTicks = 621355968000000000L;

    public static ChainTime FromDateTimeOffset(DateTimeOffset t)
    {
        var ticks = t.UtcTicks - UnixEpochTicks;
        var seconds = Math.DivRem(ticks, TimeSpan.TicksPerSecond, out var rem);
        if (rem < 0) { seconds--; rem += TimeSpan.TicksPerSecond; }
        return new ChainTime(seconds, (int)(rem * 100));
    }

    public DateTimeOffset ToDateTimeOffset() =>
        new(UnixEpochTicks + Seconds * TimeSpan.TicksPerSecond + Nanos / 100, TimeSpan.Zero);

    /// <summary>RFC 3339 in UTC with the fraction trimmed of trailing zeros (Go's RFC3339Nano).</summary>
    public string ToRfc3339()
    {
        var whole = new DateTimeOffset(UnixEpochTicks + Seconds * TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var s = whole.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        if (Nanos == 0) return s + "Z";
        return s + "." + Nanos.ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0') + "Z";
    }

    /// <summary>Parses RFC 3339 (fraction of 0–9 digits, 'Z' or ±hh:mm offset).</summary>
    public static ChainTime ParseRfc3339(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length < 20 || text[10] != 'T' && text[10] != 't')
            throw new FormatException($"not an RFC 3339 time: '{text}'");
        var baseText = text[..19];
        if (!DateTime.TryParseExact(baseText, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var whole))
            throw new FormatException($"not an RFC 3339 time: '{text}'");
        var i = 19;
        var nanos = 0;
        if (text[i] == '.')
        {
            var digits = 0;
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                if (digits == 9) throw new FormatException($"more than 9 fractional digits: '{text}'");
                nanos = nanos * 10 + (text[i] - '0');
                digits++;
                i++;
            }
            if (digits == 0) throw new FormatException($"empty fraction: '{text}'");
            for (var d = digits; d < 9; d++) nanos *= 10;
        }
        long offsetSeconds;
        var zone = text[i..];
        if (zone is "Z" or "z") offsetSeconds = 0;
        else if (zone.Length == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':'
                 && int.TryParse(zone.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hh)
                 && int.TryParse(zone.AsSpan(4, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var mm))
            offsetSeconds = (zone[0] == '+' ? 1 : -1) * (hh * 3600L + mm * 60L);
        else throw new FormatException($"bad time zone in '{text}'");
        var seconds = (whole.Ticks - UnixEpochTicks) / TimeSpan.TicksPerSecond - offsetSeconds;
        return new ChainTime(seconds, nanos);
    }

    public int CompareTo(ChainTime other) =>
        Seconds != other.Seconds ? Seconds.CompareTo(other.Seconds) : Nanos.CompareTo(other.Nanos);

    public override string ToString() => ToRfc3339();
}
