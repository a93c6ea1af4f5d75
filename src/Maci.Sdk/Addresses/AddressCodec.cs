using System.Security.Cryptography;
using System.Text;
using Maci.Crypto.Cosmos;
using Maci.Sdk.Errors;

namespace Maci.Sdk.Addresses;

/// <summary>Account addresses of one chain: 20 raw bytes shown as bech32 under the chain's prefix.</summary>
public sealed class AddressCodec
{
    public const int AddressLength = 20;

    public AddressCodec(string prefix)
    {
        if (string.IsNullOrEmpty(prefix) || prefix.Any(c => !char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c)))
            throw new ArgumentException($"invalid bech32 prefix '{prefix}' (lowercase letters and digits only)");
        Prefix = prefix;
    }

    public string Prefix { get; }

    public string Encode(ReadOnlySpan<byte> address) => Bech32.Encode(Prefix, address);

    /// <summary>Decodes a bech32 account address of this chain; error code 7 (invalid address) otherwise.</summary>
    public SdkError? TryDecode(string? text, out byte[] address)
    {
        address = [];
        if (string.IsNullOrEmpty(text)) return SdkErrors.InvalidAddress.Wrap("empty address string is not allowed");
        string hrp;
        byte[] data;
        try { (hrp, data) = Bech32.Decode(text); }
        catch (FormatException e) { return SdkErrors.InvalidAddress.Wrap($"invalid address '{text}': decoding bech32 failed: {e.Message}"); }
        if (hrp != Prefix) return SdkErrors.InvalidAddress.Wrap($"invalid Bech32 prefix; expected {Prefix}, got {hrp}");
        if (data.Length != AddressLength)
            return SdkErrors.InvalidAddress.Wrap($"address '{text}' has {data.Length} bytes, expected {AddressLength}");
        address = data;
        return null;
    }

    /// <summary>Decodes and re-encodes, so that equal addresses compare equal as strings.</summary>
    public SdkError? TryNormalize(string? text, out string normalized)
    {
        normalized = "";
        if (TryDecode(text, out var raw) is { } err) return err;
        normalized = Encode(raw);
        return null;
    }

    /// <summary>A module account's address: the first 20 bytes of SHA-256(module name), as in the SDK.</summary>
    public static byte[] ModuleAddress(string moduleName) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(moduleName))[..AddressLength];
}
