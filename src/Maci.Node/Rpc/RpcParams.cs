using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Maci.Node.Rpc;

/// <summary>
/// Named request parameters from either a JSON-RPC body (object, or array matched to the method's
/// parameter names) or a URI query string, converted the way CometBFT does: int64 as string or number;
/// []byte as base64 in JSON; HexBytes as hex in JSON; in URIs, quoted strings, 0x-hex and bare integers.
/// </summary>
public sealed class RpcParams
{
    private readonly Dictionary<string, JsonElement> _json = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _uri = new(StringComparer.Ordinal);

    public static RpcParams Empty { get; } = new();

    public static RpcParams FromJson(JsonElement? parameters, IReadOnlyList<string> names)
    {
        var p = new RpcParams();
        if (parameters is not { } el || el.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return p;
        switch (el.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var prop in el.EnumerateObject()) p._json[prop.Name] = prop.Value.Clone();
                break;
            case JsonValueKind.Array:
                var items = el.EnumerateArray().ToArray();
                if (items.Length > names.Count)
                    throw RpcException.InvalidParams($"expected {names.Count} parameters ({string.Join(", ", names)}), got {items.Length}");
                for (var i = 0; i < items.Length; i++) p._json[names[i]] = items[i].Clone();
                break;
            default:
                throw RpcException.InvalidParams($"unknown type for JSON params: {el.ValueKind}. Expected map or array");
        }
        return p;
    }

    public static RpcParams FromUri(IEnumerable<KeyValuePair<string, string>> query)
    {
        var p = new RpcParams();
        foreach (var (k, v) in query)
            if (!string.IsNullOrEmpty(v)) p._uri[k] = v;
        return p;
    }

    public bool Has(string name) => _json.ContainsKey(name) || _uri.ContainsKey(name);

    public long? Int64(string name)
    {
        if (_json.TryGetValue(name, out var el))
        {
            if (el.ValueKind == JsonValueKind.Null) return null;
            if (el.ValueKind == JsonValueKind.Number && el.TryGetInt64(out var n)) return n;
            if (el.ValueKind == JsonValueKind.String && TryInt(el.GetString()!, out var s)) return s;
            throw Bad(name, "an integer (as a string or number)");
        }
        if (_uri.TryGetValue(name, out var raw))
        {
            var text = Unquote(raw) ?? raw;
            if (TryInt(text, out var v)) return v;
            throw Bad(name, "an integer");
        }
        return null;
    }

    public int? Int32(string name)
    {
        var v = Int64(name);
        if (v is null) return null;
        if (v is < int.MinValue or > int.MaxValue) throw Bad(name, "a 32-bit integer");
        return (int)v;
    }

    public bool? Bool(string name)
    {
        if (_json.TryGetValue(name, out var el))
            return el.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Null => null,
                _ => throw Bad(name, "a boolean"),
            };
        if (_uri.TryGetValue(name, out var raw))
            return raw switch
            {
                "true" => true,
                "false" => false,
                _ => throw Bad(name, "true or false"),
            };
        return null;
    }

    public string? String(string name)
    {
        if (_json.TryGetValue(name, out var el))
            return el.ValueKind switch
            {
                JsonValueKind.String => el.GetString(),
                JsonValueKind.Null => null,
                _ => throw Bad(name, "a string"),
            };
        if (_uri.TryGetValue(name, out var raw))
        {
            if (IsHex(raw)) return Encoding.UTF8.GetString(DecodeHex(name, raw[2..]));
            return Unquote(raw) ?? throw Bad(name, "a quoted string (e.g. \"tx.height=5\")");
        }
        return null;
    }

    /// <summary>A Go []byte parameter: base64 in JSON; 0x-hex or a quoted string's bytes in URIs.</summary>
    public byte[]? Bytes(string name)
    {
        if (_json.TryGetValue(name, out var el))
        {
            if (el.ValueKind == JsonValueKind.Null) return null;
            if (el.ValueKind != JsonValueKind.String) throw Bad(name, "a base64 string");
            try
            {
                return Convert.FromBase64String(el.GetString()!);
            }
            catch (FormatException)
            {
                throw Bad(name, "a base64 string");
            }
        }
        return UriBytes(name);
    }

    /// <summary>A HexBytes parameter (abci_query data): hex in JSON; 0x-hex or a quoted string's bytes in URIs.</summary>
    public byte[]? HexBytes(string name)
    {
        if (_json.TryGetValue(name, out var el))
        {
            if (el.ValueKind == JsonValueKind.Null) return null;
            if (el.ValueKind != JsonValueKind.String) throw Bad(name, "a hex string");
            return DecodeHex(name, el.GetString()!);
        }
        return UriBytes(name);
    }

    private byte[]? UriBytes(string name)
    {
        if (!_uri.TryGetValue(name, out var raw)) return null;
        if (IsHex(raw)) return DecodeHex(name, raw[2..]);
        var s = Unquote(raw) ?? throw Bad(name, "0x-prefixed hex or a quoted string");
        return Encoding.UTF8.GetBytes(s);
    }

    private static bool IsHex(string raw) => raw.StartsWith("0x", StringComparison.OrdinalIgnoreCase);

    private static byte[] DecodeHex(string name, string hex)
    {
        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            throw Bad(name, "hex");
        }
    }

    private static string? Unquote(string raw)
    {
        if (raw.Length < 2 || raw[0] != '"' || raw[^1] != '"') return null;
        try
        {
            return JsonSerializer.Deserialize(raw, RpcJsonContext.Default.String);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool TryInt(string s, out long v) =>
        long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out v);

    private static RpcException Bad(string name, string want) =>
        RpcException.InvalidParams($"error converting json params to arguments: parameter {name} must be {want}");
}
