using System.Numerics;
using System.Security.Cryptography;
using Maci.Crypto.Cosmos;

namespace Maci.Abci.Tests.App.Support;

/// <summary>A test-only secp256k1 account: signs (optionally high-s, to test rejection) and knows its address.</summary>
public sealed class TestAccount
{
    private static readonly BigInteger N =
        BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber);

    private readonly Secp256k1KeyPair _pair;

    public TestAccount(Secp256k1KeyPair pair)
    {
        _pair = pair;
        PublicKey = pair.PublicKey.ToArray();
        Address = pair.Address();
        Bech32 = CosmosAddress.ToBech32(Address, "maci");
    }

    public static TestAccount FromSeed(string seed) =>
        new(Secp256k1KeyPair.FromPrivateKey(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seed))));

    public static TestAccount FromMnemonic(string mnemonic) => new(CosmosHdWallet.FromMnemonic(mnemonic));

    public byte[] PublicKey { get; }
    public byte[] Address { get; }
    public string Bech32 { get; }

    public byte[] Sign(ReadOnlySpan<byte> message, bool highS = false)
    {
        var sig = _pair.Sign(SHA256.HashData(message));
        if (!highS) return sig;
        var s = new BigInteger(sig.AsSpan(32), isUnsigned: true, isBigEndian: true);
        var flipped = (N - s).ToByteArray(isUnsigned: true, isBigEndian: true);
        Array.Clear(sig, 32, 32);
        flipped.CopyTo(sig, 64 - flipped.Length);
        return sig;
    }

    public override string ToString() => Bech32;
}
