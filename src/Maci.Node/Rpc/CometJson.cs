using System.Globalization;
using System.Text.Json;
using Maci.Node.Chain;

namespace Maci.Node.Rpc;

/// <summary>
/// Writers for CometBFT's JSON (the amino-compatible encoder of v0.38): int64/uint64 as strings,
/// int32/uint32 as numbers, []byte as base64, HexBytes uppercase hex, RFC 3339 nano UTC times,
/// omitempty fields left out when zero, nil slices as null. Everything is written by hand.
/// </summary>
public static partial class CometJson
{
    // Relaxed escaping keeps quotes in queries readable (Go does not escape ' either); output is still valid JSON.
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Renders one value with <paramref name="write"/> into UTF-8 JSON bytes.</summary>
    public static byte[] Render(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions)) write(w);
        return buffer.ToArray();
    }

    public static string RenderString(Action<Utf8JsonWriter> write) => System.Text.Encoding.UTF8.GetString(Render(write));

    internal static void Int64String(this Utf8JsonWriter w, string name, long value) =>
        w.WriteString(name, value.ToString(CultureInfo.InvariantCulture));

    internal static void UInt64String(this Utf8JsonWriter w, string name, ulong value) =>
        w.WriteString(name, value.ToString(CultureInfo.InvariantCulture));

    internal static void Int64StringOmitEmpty(this Utf8JsonWriter w, string name, long value)
    {
        if (value != 0) w.Int64String(name, value);
    }

    internal static void Hex(this Utf8JsonWriter w, string name, ReadOnlySpan<byte> value) =>
        w.WriteString(name, Convert.ToHexString(value));

    /// <summary>A []byte field: base64, or null for a nil slice.</summary>
    internal static void Base64OrNull(this Utf8JsonWriter w, string name, byte[]? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, Convert.ToBase64String(value));
    }

    internal static void Base64OmitEmpty(this Utf8JsonWriter w, string name, byte[]? value)
    {
        if (value is { Length: > 0 }) w.WriteString(name, Convert.ToBase64String(value));
    }

    internal static void StringOmitEmpty(this Utf8JsonWriter w, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value)) w.WriteString(name, value);
    }

    internal static void Time(this Utf8JsonWriter w, string name, ChainTime t) => w.WriteString(name, t.ToRfc3339());

    internal static void Ed25519PubKey(this Utf8JsonWriter w, string name, ReadOnlySpan<byte> key)
    {
        w.WriteStartObject(name);
        w.WriteString("type", "tendermint/PubKeyEd25519");
        w.WriteString("value", Convert.ToBase64String(key));
        w.WriteEndObject();
    }
}
