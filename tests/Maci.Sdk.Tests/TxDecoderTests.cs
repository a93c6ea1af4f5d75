using Google.Protobuf;
using Google.Protobuf.Reflection;
using Maci.Proto.Cosmos.Bank.V1Beta1;
using Maci.Proto.Cosmos.Tx.Signing.V1Beta1;
using Maci.Proto.Cosmos.Tx.V1Beta1;
using Maci.Sdk.Errors;
using Maci.Sdk.Tests.Support;
using Maci.Sdk.Tx;

namespace Maci.Sdk.Tests;

public class TxDecoderTests
{
    private static readonly TestKey Alice = TestKey.FromSeed("alice");

    private static readonly TxDecodeOptions Options = new(4096,
        url => url == "/cosmos.bank.v1beta1.MsgSend" ? MsgSend.Descriptor : null);

    private static MsgSend Send() => new()
    {
        FromAddress = "maci1from", ToAddress = "maci1to",
        Amount = { new Proto.Cosmos.Base.V1Beta1.Coin { Denom = "umaci", Amount = "5" } },
    };

    private static byte[] ValidTx(TxBuilder? b = null) =>
        (b ?? new TxBuilder { Memo = "hi", TimeoutHeight = 9, Sequence = 3 }.Add(Send()).WithFee("umaci", 100)).Sign(Alice);

    private static SdkError? Decode(byte[] raw, out DecodedTx tx) => TxDecoder.TryDecode(raw, Options, out tx);

    [Fact]
    public void A_signed_tx_decodes_with_exact_body_and_auth_bytes()
    {
        var raw = ValidTx();
        Assert.Null(Decode(raw, out var tx));
        var parsed = TxRaw.Parser.ParseFrom(raw);
        Assert.Equal(parsed.BodyBytes.ToByteArray(), tx.BodyBytes.ToArray());
        Assert.Equal(parsed.AuthInfoBytes.ToByteArray(), tx.AuthInfoBytes.ToArray());
        Assert.Single(tx.Messages);
        Assert.Equal("/cosmos.bank.v1beta1.MsgSend", tx.Messages[0].TypeUrl);
        Assert.Equal(Send().ToByteArray(), tx.Messages[0].Value.ToArray());
        Assert.Equal("hi", tx.Memo);
        Assert.Equal(9UL, tx.TimeoutHeight);
        Assert.Equal(3UL, tx.SignerInfos[0].Sequence);
        Assert.Equal(SignMode.Direct, tx.SignerInfos[0].Mode);
        Assert.Equal(Alice.PublicKey, tx.SignerInfos[0].PublicKey.ToArray());
        Assert.Equal(200_000UL, tx.Fee.GasLimit);
        Assert.Equal("100umaci", tx.Fee.Amount.ToString());
        Assert.Single(tx.Signatures);
        Assert.Equal(64, tx.Signatures[0].Length);
    }

    [Fact]
    public void Random_bytes_never_crash_and_fail_with_a_code()
    {
        var rng = new Random(1234);
        for (var i = 0; i < 2000; i++)
        {
            var buf = new byte[rng.Next(1, 300)];
            rng.NextBytes(buf);
            var err = Decode(buf, out _);
            if (err is not null) Assert.Contains(err.Value, new uint[] { 2, 6, 7, 8, 10, 21, 31, 37 });
        }
    }

    [Fact]
    public void Every_truncation_of_a_valid_tx_is_rejected_as_a_parse_error()
    {
        var raw = ValidTx();
        for (var n = 1; n < raw.Length; n++)
        {
            var err = Decode(raw[..n], out _);
            // A cut exactly at a field boundary of TxRaw leaves a shorter but well-formed TxRaw
            // (e.g. without signatures), which decoding alone cannot refuse.
            if (err is null) continue;
            Assert.Equal(SdkErrors.TxDecode, err.Code);
        }
        Assert.NotNull(Decode(raw[..(raw.Length / 2)], out _));
    }

    [Fact]
    public void Empty_tx_is_a_parse_error() => Assert.Equal(SdkErrors.TxDecode, Decode([], out _)!.Code);

    [Fact]
    public void Over_the_size_limit_is_code_21()
    {
        var b = new TxBuilder { Memo = new string('x', 5000) }.Add(Send());
        var err = Decode(b.Sign(Alice), out _);
        Assert.Equal(SdkErrors.TxTooLarge, err!.Code);
        Assert.Contains("limit is 4096", err.Log);
    }

    [Fact]
    public void Unknown_critical_field_in_body_is_rejected_but_non_critical_is_allowed()
    {
        var b = new TxBuilder().Add(Send());
        var body = b.Body().ToByteArray();
        // field 100, varint: critical (bit 11 clear)
        var critical = body.Concat(new byte[] { 0xa0, 0x06, 0x01 }).ToArray();
        var err = Decode(b.SignRaw(Alice, critical, b.AuthInfo(Alice).ToByteArray()), out _);
        Assert.Equal(SdkErrors.TxDecode, err!.Code);
        Assert.Contains("unknown field 100 in TxBody", err.Log);
        // field 1025, varint: non-critical → tolerated in the body
        var nonCritical = body.Concat(new byte[] { 0x88, 0x40, 0x01 }).ToArray();
        Assert.Null(Decode(b.SignRaw(Alice, nonCritical, b.AuthInfo(Alice).ToByteArray()), out _));
    }

    [Fact]
    public void Unknown_fields_in_auth_info_and_tx_raw_are_rejected_even_if_non_critical()
    {
        var b = new TxBuilder().Add(Send());
        var auth = b.AuthInfo(Alice).ToByteArray().Concat(new byte[] { 0x88, 0x40, 0x01 }).ToArray();
        var err = Decode(b.SignRaw(Alice, b.Body().ToByteArray(), auth), out _);
        Assert.Contains("unknown field 1025 in AuthInfo", err!.Log);
        var raw = ValidTx().Concat(new byte[] { 0x20, 0x01 }).ToArray();
        Assert.Contains("unknown field 4 in TxRaw", Decode(raw, out _)!.Log);
    }

    [Fact]
    public void Unknown_field_inside_a_message_is_rejected()
    {
        var b = new TxBuilder();
        var body = new TxBody();
        var value = Send().ToByteArray().Concat(new byte[] { 0x20, 0x07 }).ToArray(); // field 4 on MsgSend
        body.Messages.Add(new Google.Protobuf.WellKnownTypes.Any { TypeUrl = "/cosmos.bank.v1beta1.MsgSend", Value = ByteString.CopyFrom(value) });
        var err = Decode(b.SignRaw(Alice, body.ToByteArray(), b.AuthInfo(Alice).ToByteArray()), out _);
        Assert.Equal(SdkErrors.TxDecode, err!.Code);
        Assert.Contains("unknown field 4", err.Log);
        Assert.Contains("cosmos.bank.v1beta1.MsgSend", err.Log);
    }

    [Fact]
    public void Wrong_wire_type_is_rejected()
    {
        var b = new TxBuilder().Add(Send());
        var body = b.Body().ToByteArray().Concat(new byte[] { 0x1a, 0x00 }).ToArray(); // timeout_height as bytes
        var err = Decode(b.SignRaw(Alice, body, b.AuthInfo(Alice).ToByteArray()), out _);
        Assert.Contains("timeout_height of TxBody has wire type 2", err!.Log);
    }

    [Fact]
    public void Extension_options_reject_and_non_critical_extension_options_are_ignored()
    {
        var b = new TxBuilder().Add(Send());
        var body = b.Body();
        body.NonCriticalExtensionOptions.Add(TxBuilder.Pack(new MsgSendResponse()));
        Assert.Null(Decode(b.SignRaw(Alice, body.ToByteArray(), b.AuthInfo(Alice).ToByteArray()), out _));
        body.ExtensionOptions.Add(TxBuilder.Pack(new MsgSendResponse()));
        var err = Decode(b.SignRaw(Alice, body.ToByteArray(), b.AuthInfo(Alice).ToByteArray()), out _);
        Assert.Equal(SdkErrors.UnknownExtensionOptions, err!.Code);
    }

    [Fact]
    public void Unknown_message_type_is_code_6()
    {
        var b = new TxBuilder().Add(new MsgMultiSend());
        var err = Decode(b.Sign(Alice), out _);
        Assert.Equal(SdkErrors.UnknownRequest, err!.Code);
        Assert.Contains("/cosmos.bank.v1beta1.MsgMultiSend", err.Log);
    }

    [Fact]
    public void Non_secp256k1_or_malformed_public_keys_are_invalid_pubkey()
    {
        var b = new TxBuilder().Add(Send());
        var auth = b.AuthInfo(Alice);
        auth.SignerInfos[0].PublicKey.TypeUrl = "/cosmos.crypto.ed25519.PubKey";
        Assert.Equal(SdkErrors.InvalidPubKey, Decode(b.SignRaw(Alice, b.Body().ToByteArray(), auth.ToByteArray()), out _)!.Code);
        auth = b.AuthInfo(Alice);
        auth.SignerInfos[0].PublicKey.Value = new Proto.Cosmos.Crypto.Secp256k1.PubKey { Key = ByteString.CopyFrom(new byte[32]) }.ToByteString();
        Assert.Equal(SdkErrors.InvalidPubKey, Decode(b.SignRaw(Alice, b.Body().ToByteArray(), auth.ToByteArray()), out _)!.Code);
    }

    [Fact]
    public void Invalid_fee_coins_are_code_10()
    {
        var b = new TxBuilder().Add(Send()).WithFee("umaci", 0);
        Assert.Equal(SdkErrors.InvalidCoins, Decode(b.Sign(Alice), out _)!.Code);
        b = new TxBuilder().Add(Send()).WithFee("zz", 1);
        Assert.Equal(SdkErrors.InvalidCoins, Decode(b.Sign(Alice), out _)!.Code);
    }

    [Fact]
    public void Unordered_and_multisig_are_not_supported()
    {
        var b = new TxBuilder().Add(Send());
        var body = b.Body();
        body.Unordered = true;
        Assert.Equal(SdkErrors.NotSupported, Decode(b.SignRaw(Alice, body.ToByteArray(), b.AuthInfo(Alice).ToByteArray()), out _)!.Code);
        var auth = b.AuthInfo(Alice);
        auth.SignerInfos[0].ModeInfo = new ModeInfo { Multi = new ModeInfo.Types.Multi() };
        Assert.Equal(SdkErrors.NotSupported, Decode(b.SignRaw(Alice, b.Body().ToByteArray(), auth.ToByteArray()), out _)!.Code);
    }

    [Fact]
    public void Unknown_field_checker_follows_the_bit_11_rule()
    {
        MessageDescriptor d = MsgSend.Descriptor;
        Assert.Null(UnknownFieldChecker.Check(Send().ToByteArray(), d, false, _ => null));
        var withNonCritical = Send().ToByteArray().Concat(new byte[] { 0x88, 0x40, 0x01 }).ToArray();
        Assert.Null(UnknownFieldChecker.Check(withNonCritical, d, true, _ => null));
        Assert.NotNull(UnknownFieldChecker.Check(withNonCritical, d, false, _ => null));
        var nestedUnknown = new MsgSend { Amount = { new Proto.Cosmos.Base.V1Beta1.Coin { Denom = "a" } } }.ToByteArray();
        nestedUnknown = nestedUnknown.Concat(new byte[] { 0x1a, 0x02, 0x18, 0x01 }).ToArray(); // Coin with field 3
        Assert.Contains("cosmos.base.v1beta1.Coin", UnknownFieldChecker.Check(nestedUnknown, d, false, _ => null));
    }
}
