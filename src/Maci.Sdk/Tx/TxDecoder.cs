using Maci.Proto.Cosmos.Tx.Signing.V1Beta1;
using Maci.Sdk.Assets;
using Maci.Sdk.Wire;
using Maci.Sdk.Errors;

namespace Maci.Sdk.Tx;

/// <summary>
/// Strict TxRaw decoder. TxRaw and AuthInfo (and everything inside them) may carry no unknown fields;
/// TxBody may carry unknown non-critical fields (number &amp; 1024), and its non_critical_extension_options
/// are ignored, while any extension_options reject the tx. Wire types are checked everywhere; message
/// contents are checked against their descriptors.
/// </summary>
public static partial class TxDecoder
{
    private const string PubKeySecp256k1 = "/cosmos.crypto.secp256k1.PubKey";

    public static SdkError? TryDecode(byte[] raw, TxDecodeOptions options, out DecodedTx tx)
    {
        tx = null!;
        if (raw.Length == 0) return Fail("empty tx bytes");
        if (raw.Length > options.MaxTxBytes)
            return SdkErrors.TxTooLarge.Wrap($"tx has {raw.Length} bytes, the limit is {options.MaxTxBytes}");

        // TxRaw: strict.
        int bodyOff = -1, bodyLen = 0, authOff = -1, authLen = 0;
        var sigs = new List<ReadOnlyMemory<byte>>();
        var r = new ProtoReader(raw);
        while (!r.End)
        {
            if (!r.TryReadTag(out var f, out var w)) return Fail("malformed field key in TxRaw");
            if (f is < 1 or > 3) return Fail($"unknown field {f} in TxRaw");
            if (w != WireType.LengthDelimited) return Fail($"field {f} of TxRaw has wire type {(int)w}, expected 2");
            if (!r.TryReadLengthDelimitedRange(out var off, out var len)) return Fail($"truncated field {f} in TxRaw");
            switch (f)
            {
                case 1: bodyOff = off; bodyLen = len; break;
                case 2: authOff = off; authLen = len; break;
                default:
                    if (sigs.Count >= options.MaxItems) return Fail("too many signatures");
                    sigs.Add(raw.AsMemory(off, len));
                    break;
            }
        }
        // proto3: an absent bytes field is the empty value (an empty TxBody / AuthInfo), refused later by the ante chain
        var bodyBytes = bodyOff < 0 ? ReadOnlyMemory<byte>.Empty : raw.AsMemory(bodyOff, bodyLen);
        var authBytes = authOff < 0 ? ReadOnlyMemory<byte>.Empty : raw.AsMemory(authOff, authLen);
        if (DecodeBody(bodyBytes, options, out var body) is { } bodyErr) return bodyErr;
        if (DecodeAuthInfo(authBytes.Span, options, out var signers, out var fee) is { } authErr) return authErr;

        tx = new DecodedTx
        {
            Raw = raw,
            BodyBytes = bodyBytes,
            AuthInfoBytes = authBytes,
            Signatures = sigs.ToArray(),
            Messages = body.Messages,
            Memo = body.Memo,
            TimeoutHeight = body.TimeoutHeight,
            TimeoutTimestamp = body.TimeoutTimestamp,
            SignerInfos = signers,
            Fee = fee,
        };
        return null;
    }

    private static SdkError Fail(string why) => SdkErrors.TxDecode.Wrap(why);

    private readonly record struct Body(TxMessage[] Messages, string Memo, ulong TimeoutHeight, (long, int) TimeoutTimestamp);

    private static SdkError? DecodeBody(ReadOnlyMemory<byte> bytes, TxDecodeOptions options, out Body body)
    {
        body = default;
        var messages = new List<TxMessage>();
        var memo = "";
        ulong timeoutHeight = 0;
        (long, int) timeoutTs = (0, 0);
        var r = new ProtoReader(bytes.Span);
        while (!r.End)
        {
            if (!r.TryReadTag(out var f, out var w)) return Fail("malformed field key in TxBody");
            switch (f)
            {
                case 1:
                {
                    if (w != WireType.LengthDelimited) return WireFail("messages", "TxBody", w, 2);
                    if (!r.TryReadLengthDelimitedRange(out var off, out var len)) return Fail("truncated message in TxBody");
                    if (messages.Count >= options.MaxItems) return Fail("too many messages");
                    if (DecodeAny(bytes.Slice(off, len), true, out var typeUrl, out var value) is { } e) return e;
                    var desc = options.ResolveMessage(typeUrl);
                    if (desc is null) return SdkErrors.UnknownRequest.Wrap($"unrecognized message type: {typeUrl}");
                    if (UnknownFieldChecker.Check(value.Span, desc, true, options.ResolveMessage) is { } why)
                        return Fail($"message {messages.Count} ({typeUrl}): {why}");
                    messages.Add(new TxMessage(typeUrl, value));
                    break;
                }
                case 2:
                {
                    if (w != WireType.LengthDelimited) return WireFail("memo", "TxBody", w, 2);
                    if (!r.TryReadLengthDelimited(out var s)) return Fail("truncated memo");
                    if (!System.Text.Unicode.Utf8.IsValid(s)) return Fail("memo is not valid UTF-8");
                    memo = System.Text.Encoding.UTF8.GetString(s);
                    break;
                }
                case 3:
                    if (w != WireType.Varint) return WireFail("timeout_height", "TxBody", w, 0);
                    if (!r.TryReadVarint(out timeoutHeight)) return Fail("truncated timeout_height");
                    break;
                case 4:
                    if (w != WireType.Varint) return WireFail("unordered", "TxBody", w, 0);
                    if (!r.TryReadVarint(out var unordered)) return Fail("truncated unordered flag");
                    if (unordered != 0) return SdkErrors.NotSupported.Wrap("unordered transactions are not supported");
                    break;
                case 5:
                {
                    if (w != WireType.LengthDelimited) return WireFail("timeout_timestamp", "TxBody", w, 2);
                    if (!r.TryReadLengthDelimited(out var ts)) return Fail("truncated timeout_timestamp");
                    if (DecodeTimestamp(ts, out timeoutTs) is { } e) return e;
                    break;
                }
                case 1023:
                    return SdkErrors.UnknownExtensionOptions.Wrap("extension options are not supported");
                case 2047:
                    if (w != WireType.LengthDelimited) return WireFail("non_critical_extension_options", "TxBody", w, 2);
                    if (!r.TrySkip(w)) return Fail("truncated non_critical_extension_options");
                    break;
                default:
                    if ((f & UnknownFieldChecker.NonCriticalBit) == 0) return Fail($"unknown field {f} in TxBody");
                    if (!r.TrySkip(w)) return Fail($"truncated field {f} in TxBody");
                    break;
            }
        }
        body = new Body(messages.ToArray(), memo, timeoutHeight, timeoutTs);
        return null;
    }

    private static SdkError WireFail(string field, string message, WireType got, int expected) =>
        Fail($"field {field} of {message} has wire type {(int)got}, expected {expected}");

    private static SdkError? DecodeTimestamp(ReadOnlySpan<byte> bytes, out (long, int) ts)
    {
        ts = (0, 0);
        long seconds = 0;
        int nanos = 0;
        var r = new ProtoReader(bytes);
        while (!r.End)
        {
            if (!r.TryReadTag(out var f, out var w) || w != WireType.Varint || f > 2 || !r.TryReadVarint(out var v))
                return Fail("malformed timeout_timestamp");
            if (f == 1) seconds = (long)v; else nanos = (int)v;
        }
        if (seconds < 0 || nanos is < 0 or > 999_999_999) return Fail("timeout_timestamp out of range");
        ts = (seconds, nanos);
        return null;
    }

    /// <summary>Decodes an Any (type_url = 1, value = 2); no other fields (non-critical ones only in the body).</summary>
    private static SdkError? DecodeAny(ReadOnlyMemory<byte> bytes, bool allowNonCritical, out string typeUrl, out ReadOnlyMemory<byte> value)
    {
        typeUrl = "";
        value = ReadOnlyMemory<byte>.Empty;
        var r = new ProtoReader(bytes.Span);
        while (!r.End)
        {
            if (!r.TryReadTag(out var f, out var w)) return Fail("malformed field key in Any");
            if (f is 1 or 2)
            {
                if (w != WireType.LengthDelimited) return WireFail(f == 1 ? "type_url" : "value", "Any", w, 2);
                if (!r.TryReadLengthDelimitedRange(out var off, out var len)) return Fail("truncated Any");
                if (f == 1)
                {
                    var s = bytes.Span.Slice(off, len);
                    if (!System.Text.Unicode.Utf8.IsValid(s)) return Fail("Any type_url is not valid UTF-8");
                    typeUrl = System.Text.Encoding.UTF8.GetString(s);
                }
                else value = bytes.Slice(off, len);
                continue;
            }
            if ((f & UnknownFieldChecker.NonCriticalBit) == 0 || !allowNonCritical) return Fail($"unknown field {f} in Any");
            if (!r.TrySkip(w)) return Fail("truncated Any");
        }
        if (typeUrl.Length == 0) return Fail("Any without type_url");
        return null;
    }
}
