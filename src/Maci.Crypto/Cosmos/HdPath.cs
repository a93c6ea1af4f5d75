using System.Globalization;

namespace Maci.Crypto.Cosmos;

/// <summary>
/// A BIP-32 derivation path such as m/44'/118'/0'/0/0. Indices at or above 2^31 are hardened; in text a
/// hardened index is written with a trailing ' (h or H are accepted when parsing).
/// </summary>
public sealed record HdPath
{
    public const uint HardenedOffset = 0x8000_0000;
    public const uint CosmosCoinType = 118;

    private readonly uint[] _indices;

    public HdPath(IEnumerable<uint> indices) => _indices = [.. indices];

    /// <summary>The path CosmJS and the Cosmos SDK use by default: m/44'/118'/0'/0/0.</summary>
    public static HdPath CosmosDefault { get; } = Cosmos(0);

    public IReadOnlyList<uint> Indices => _indices;

    /// <summary>m/44'/118'/{account}'/0/{index}, as CosmJS's makeCosmoshubPath(account) builds for index 0.</summary>
    public static HdPath Cosmos(uint account, uint addressIndex = 0)
    {
        if (account >= HardenedOffset)
            throw new ArgumentOutOfRangeException(nameof(account), "account must be below 2^31 (it is hardened)");
        if (addressIndex >= HardenedOffset)
            throw new ArgumentOutOfRangeException(nameof(addressIndex), "address index must be below 2^31");
        return new HdPath([44 | HardenedOffset, CosmosCoinType | HardenedOffset, account | HardenedOffset, 0, addressIndex]);
    }

    /// <summary>Parses "m/44'/118'/0'/0/0" (also "m", and h/H for hardened).</summary>
    /// <exception cref="FormatException">Not a valid path.</exception>
    public static HdPath Parse(string text) =>
        TryParse(text, out var path, out var error) ? path : throw new FormatException(error);

    public static bool TryParse(string? text, out HdPath path) => TryParse(text, out path, out _);

    private static bool TryParse(string? text, out HdPath path, out string error)
    {
        path = null!;
        error = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "HD path is empty";
            return false;
        }
        var parts = text.Trim().Split('/');
        if (parts[0] != "m")
        {
            error = $"HD path '{text}' must start with 'm'";
            return false;
        }
        var indices = new uint[parts.Length - 1];
        for (var i = 1; i < parts.Length; i++)
        {
            var part = parts[i];
            var hardened = part.Length > 0 && part[^1] is '\'' or 'h' or 'H';
            var digits = hardened ? part[..^1] : part;
            if (digits.Length == 0 || !digits.All(char.IsAsciiDigit)
                || !uint.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value >= HardenedOffset)
            {
                error = $"HD path '{text}' has an invalid component '{part}' (expected a number below 2^31, optionally followed by ')";
                return false;
            }
            indices[i - 1] = hardened ? value | HardenedOffset : value;
        }
        path = new HdPath(indices);
        return true;
    }

    public override string ToString() =>
        string.Concat(_indices.Select(i => i >= HardenedOffset
            ? string.Create(CultureInfo.InvariantCulture, $"/{i - HardenedOffset}'")
            : string.Create(CultureInfo.InvariantCulture, $"/{i}")).Prepend("m"));

    public bool Equals(HdPath? other) => other is not null && _indices.AsSpan().SequenceEqual(other._indices);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var i in _indices) hash.Add(i);
        return hash.ToHashCode();
    }
}
