using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Maci.Crypto.Amaci;
using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;

namespace Maci.Node.Cli;

/// <summary>
/// A voter's MACI (Baby Jubjub) key: a JSON file {"type", "private_key", "pub_key": {x, y}, "packed_pub_key"} written with
/// owner-only permissions. The private key is an integer reduced modulo r, as the Dora SDK's genKeypair makes it.
/// </summary>
public static class MaciKeyFile
{
    public const string Type = "maci/babyjubjub";

    /// <summary>A fresh key from 32 random bytes read as an integer modulo r (Dora's genKeypair).</summary>
    public static MaciKeypair Generate()
    {
        Span<byte> seed = stackalloc byte[32];
        RandomNumberGenerator.Fill(seed);
        var value = new BigInteger(seed, isUnsigned: true, isBigEndian: true) % Fr.Modulus;
        return value.IsZero ? Generate() : MaciKeypair.FromPrivateKey(value);
    }

    /// <summary>A private key given as a decimal or 0x-hex integer (reduced modulo r; zero is refused).</summary>
    public static MaciKeypair FromText(string text, string what)
    {
        var t = text.Trim();
        var value = BigInteger.Zero;
        var ok = t.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? t.Length > 2 && t.Skip(2).All(char.IsAsciiHexDigit) && BigInteger.TryParse("0" + t[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value)
            : BigInteger.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        if (!ok || t.Length > 80) throw new CliException($"invalid {what}: expected a decimal or 0x-hex integer");
        if ((value % Fr.Modulus).IsZero) throw new CliException($"invalid {what}: the key reduces to zero");
        return MaciKeypair.FromPrivateKey(value);
    }

    public static void Write(string path, MaciKeypair key, bool overwrite)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full) && !overwrite) throw new CliException($"{full} already exists (use --force to overwrite)");
        if (Path.GetDirectoryName(full) is { } dir) Directory.CreateDirectory(dir);
        var json = Describe(key, includePrivate: true).ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var stream = new FileStream(full, options);
        using var writer = new StreamWriter(stream);
        writer.Write(json + "\n");
    }

    /// <summary>Reads a key file (the JSON form, or a bare private key integer); a stored public key must match.</summary>
    public static MaciKeypair Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read MACI key file '{path}': {e.Message}");
        }
        if (!text.StartsWith('{')) return FromText(text, $"MACI key file '{path}'");
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw new CliException($"invalid MACI key file '{path}': {e.Message}");
        }
        if ((root as JsonObject)?["private_key"] is not JsonValue pk || !pk.TryGetValue<string>(out var priv))
            throw new CliException($"invalid MACI key file '{path}': no \"private_key\" string");
        var key = FromText(priv, $"MACI key file '{path}'");
        if (root["pub_key"] is JsonObject pub && ((string?)pub["x"] != key.PublicKey.X.ToString() || (string?)pub["y"] != key.PublicKey.Y.ToString()))
            throw new CliException($"invalid MACI key file '{path}': pub_key does not belong to private_key");
        return key;
    }

    /// <summary>zk-kit's packed public key: the 32-byte packing read as a little-endian integer.</summary>
    public static BigInteger Packed(in BabyJubjubPoint publicKey)
    {
        Span<byte> packed = stackalloc byte[BabyJubjubPoint.PackedSize];
        publicKey.Pack(packed);
        return new BigInteger(packed, isUnsigned: true, isBigEndian: false);
    }

    public static JsonObject Describe(MaciKeypair key, bool includePrivate)
    {
        var packed = Packed(key.PublicKey);
        var o = new JsonObject { ["type"] = Type };
        if (includePrivate) o["private_key"] = key.PrivateKey.ToString();
        o["pub_key"] = new JsonObject { ["x"] = key.PublicKey.X.ToString(), ["y"] = key.PublicKey.Y.ToString() };
        o["packed_pub_key"] = packed.ToString(CultureInfo.InvariantCulture);
        o["packed_pub_key_hex"] = "0x" + Convert.ToHexStringLower(packed.ToByteArray(isUnsigned: true, isBigEndian: true)).PadLeft(64, '0');
        return o;
    }
}
