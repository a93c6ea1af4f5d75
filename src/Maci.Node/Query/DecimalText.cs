namespace Maci.Node.Query;

/// <summary>
/// Exact comparison of non-negative decimal numbers given as text ("12", "3.25", "8atom" → 8), without
/// floating point: the leading digits (and an optional fraction) are compared after normalisation.
/// </summary>
internal static class DecimalText
{
    /// <summary>Extracts the numeric prefix (\d+(\.\d+)?); false when the text does not start with a digit.</summary>
    public static bool TryParse(string text, out string integer, out string fraction)
    {
        integer = fraction = "";
        var i = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        if (i == 0) return false;
        integer = text[..i].TrimStart('0');
        if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            var j = i + 1;
            while (j < text.Length && char.IsAsciiDigit(text[j])) j++;
            fraction = text[(i + 1)..j].TrimEnd('0');
        }
        return true;
    }

    public static int Compare(string aInt, string aFrac, string bInt, string bFrac)
    {
        if (aInt.Length != bInt.Length) return aInt.Length.CompareTo(bInt.Length);
        var c = string.CompareOrdinal(aInt, bInt);
        if (c != 0) return Math.Sign(c);
        return Math.Sign(string.CompareOrdinal(aFrac, bFrac));
    }
}
