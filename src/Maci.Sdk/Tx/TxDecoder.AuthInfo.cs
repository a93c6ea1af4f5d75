using Maci.Proto.Cosmos.Tx.Signing.V1Beta1;
using Maci.Sdk.Assets;
using Maci.Sdk.Wire;
using Maci.Sdk.Errors;

namespace Maci.Sdk.Tx;

public static partial class TxDecoder
{
    private static SdkError? DecodeAuthInfo(ReadOnlySpan<byte> bytes, TxDecodeOptions options, out TxSigner[] signers, out TxFee fee)
    {
        signers = [];
        fee = new TxFee(Coins.Empty, 0, "", "");
        var list = new List<TxSigner>();
        var sawFee = false;
        var r = new ProtoReader(bytes);
        while (!r.End)
        {
            if (!r.TryReadTag(out var f, out var w)) return Fail("malformed field key in AuthInfo");
            if (f is < 1 or > 3) return Fail($"unknown field {f} in AuthInfo");
            if (w != WireType.LengthDelimited) return Fail($"field {f} of AuthInfo has wire type {(int)w}, expected 2");
            if (!r.TryReadLengthDelimited(out var payload)) return Fail($"truncated field {f} in AuthInfo");
            switch (f)
            {
                case 1:
                    if (list.Count >= options.MaxItems) return Fail("too many signer infos");
                    if (DecodeSignerInfo(payload, out var s) is { } e) return e;
                    list.Add(s);
                    break;
                case 2:
                    if (DecodeFee(payload, out fee) is { } fe) return fe;
                    sawFee = true;
                    break;
                default:
                    if (!payload.IsEmpty) return SdkErrors.NotSupported.Wrap("tips are not supported");
                    break;
            }
        }
        _ = sawFee; // an absent fee decodes as an empty fee (zero gas limit), as in proto3
        signers = list.ToArray();
        return null;
    }

    private static SdkError? DecodeSignerInfo(ReadOnlySpan<byte> bytes, out TxSigner signer)
    {
        signer = default;
        string? keyType = null;
        ReadOnlyMemory<byte> key = ReadOnlyMemory<byte>.Empty;
        var mode = SignMode.Unspecified;
        ulong sequence = 0;
        var r = new ProtoReader(bytes);
        while (!r.End)
        {
            if (!r.TryReadTag(out var f, out var w)) return Fail("malformed field key in SignerInfo");
            switch (f)
            {
                case 1:
                {
                    if (w != WireType.LengthDelimited) return WireFail("public_key", "SignerInfo", w, 2);
                    if (!r.TryReadLengthDelimited(out var any)) return Fail("truncated public_key");
                    if (DecodeAny(any.ToArray(), false, out var t, out var v) is { } e) return e;
                    if (t != PubKeySecp256k1)
                        return SdkErrors.InvalidPubKey.Wrap($"unsupported public key type {t} (only {PubKeySecp256k1})");
                    if (DecodePubKey(v.Span, out var k) is { } ke) return ke;
                    keyType = t;
                    key = k;
                    break;
                }
                case 2:
                {
                    if (w != WireType.LengthDelimited) return WireFail("mode_info", "SignerInfo", w, 2);
                    if (!r.TryReadLengthDelimited(out var mi)) return Fail("truncated mode_info");
                    if (DecodeModeInfo(mi, out mode) is { } e) return e;
                    break;
                }
                case 3:
                    if (w != WireType.Varint) return WireFail("sequence", "SignerInfo", w, 0);
                    if (!r.TryReadVarint(out sequence)) return Fail("truncated sequence");
                    break;
                default:
                    return Fail($"unknown field {f} in SignerInfo");
            }
        }
        signer = new TxSigner(keyType, key, mode, sequence);
        return null;
    }

    private static SdkError? DecodePubKey(ReadOnlySpan<byte> bytes, out byte[] key)
    {
        key = [];
        var r = new ProtoReader(bytes);
        while (!r.End)
        {
            if (!r.TryReadTag(out var f, out var w)) return Fail("malformed field key in PubKey");
            if (f != 1) return Fail($"unknown field {f} in PubKey");
            if (w != WireType.LengthDelimited) return WireFail("key", "PubKey", w, 2);
            if (!r.TryReadLengthDelimited(out var k)) return Fail("truncated PubKey");
            key = k.ToArray();
        }
        if (key.Length != 33 || key[0] is not (0x02 or 0x03))
            return SdkErrors.InvalidPubKey.Wrap($"secp256k1 public key must be 33 compressed bytes, got {key.Length}");
        return null;
    }

    private static SdkError? DecodeModeInfo(ReadOnlySpan<byte> bytes, out SignMode mode)
    {
        mode = SignMode.Unspecified;
        var r = new ProtoReader(bytes);
        while (!r.End)
        {
            if (!r.TryReadTag(out var f, out var w)) return Fail("malformed field key in ModeInfo");
            if (f == 2) return SdkErrors.NotSupported.Wrap("multisig signers are not supported");
            if (f != 1) return Fail($"unknown field {f} in ModeInfo");
            if (w != WireType.LengthDelimited) return WireFail("single", "ModeInfo", w, 2);
            if (!r.TryReadLengthDelimited(out var single)) return Fail("truncated ModeInfo.single");
            var s = new ProtoReader(single);
            while (!s.End)
            {
                if (!s.TryReadTag(out var sf, out var sw)) return Fail("malformed field key in ModeInfo.Single");
                if (sf != 1) return Fail($"unknown field {sf} in ModeInfo.Single");
                if (sw != WireType.Varint) return WireFail("mode", "ModeInfo.Single", sw, 0);
                if (!s.TryReadVarint(out var m) || m > int.MaxValue) return Fail("malformed sign mode");
                mode = (SignMode)(int)m;
            }
        }
        return null;
    }

    private static SdkError? DecodeFee(ReadOnlySpan<byte> bytes, out TxFee fee)
    {
        fee = new TxFee(Coins.Empty, 0, "", "");
        var coins = new List<(string, string)>();
        ulong gas = 0;
        string payer = "", granter = "";
        var r = new ProtoReader(bytes);
        while (!r.End)
        {
            if (!r.TryReadTag(out var f, out var w)) return Fail("malformed field key in Fee");
            if (f == 2)
            {
                if (w != WireType.Varint) return WireFail("gas_limit", "Fee", w, 0);
                if (!r.TryReadVarint(out gas)) return Fail("truncated gas_limit");
                continue;
            }
            if (f is < 1 or > 4) return Fail($"unknown field {f} in Fee");
            if (w != WireType.LengthDelimited) return Fail($"field {f} of Fee has wire type {(int)w}, expected 2");
            if (!r.TryReadLengthDelimited(out var payload)) return Fail($"truncated field {f} in Fee");
            if (f == 1)
            {
                if (coins.Count >= 64) return Fail("too many fee coins");
                if (DecodeCoin(payload, out var c) is { } ce) return ce;
                coins.Add(c);
            }
            else
            {
                if (!System.Text.Unicode.Utf8.IsValid(payload)) return Fail("fee address is not valid UTF-8");
                var s = System.Text.Encoding.UTF8.GetString(payload);
                if (f == 3) payer = s; else granter = s;
            }
        }
        if (Coins.TryFromWire(coins, out var amount) is { } err) return err.Prefix("invalid fee");
        fee = new TxFee(amount, gas, payer, granter);
        return null;
    }

    private static SdkError? DecodeCoin(ReadOnlySpan<byte> bytes, out (string Denom, string Amount) coin)
    {
        coin = ("", "");
        var r = new ProtoReader(bytes);
        while (!r.End)
        {
            if (!r.TryReadTag(out var f, out var w)) return Fail("malformed field key in Coin");
            if (f is < 1 or > 2) return Fail($"unknown field {f} in Coin");
            if (w != WireType.LengthDelimited) return WireFail(f == 1 ? "denom" : "amount", "Coin", w, 2);
            if (!r.TryReadLengthDelimited(out var s) || !System.Text.Unicode.Utf8.IsValid(s)) return Fail("malformed Coin");
            var str = System.Text.Encoding.UTF8.GetString(s);
            coin = f == 1 ? (str, coin.Amount) : (coin.Denom, str);
        }
        return null;
    }
}
