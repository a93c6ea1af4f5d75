using Google.Protobuf.Reflection;
using Maci.Sdk.Wire;

namespace Maci.Sdk.Tx;

/// <summary>
/// The SDK's unknownproto rule, driven by message descriptors: every field must be declared with a
/// compatible wire type; an undeclared field is "critical" unless bit 11 of its number is set (n &amp; 1024),
/// and non-critical ones are tolerated only where allowed (TxBody). Recurses into nested messages and
/// into Any values via the resolver.
/// </summary>
public static class UnknownFieldChecker
{
    public const int NonCriticalBit = 1 << 10;
    public const int MaxDepth = 100;

    /// <summary>Null when the bytes are acceptable, else why not.</summary>
    public static string? Check(ReadOnlySpan<byte> bytes, MessageDescriptor descriptor, bool allowNonCritical,
        Func<string, MessageDescriptor?> resolve, int depth = 0)
    {
        if (depth > MaxDepth) return $"max protobuf nesting depth {MaxDepth} exceeded";
        var isAny = descriptor.FullName == "google.protobuf.Any";
        string? anyType = null;
        var anyValue = ReadOnlySpan<byte>.Empty;
        var reader = new ProtoReader(bytes);
        while (!reader.End)
        {
            if (!reader.TryReadTag(out var number, out var wire))
                return $"malformed field key in {descriptor.FullName}";
            var field = descriptor.FindFieldByNumber(number);
            if (field is null)
            {
                if ((number & NonCriticalBit) == 0 || !allowNonCritical)
                    return $"unknown field {number} (wire type {(int)wire}) in {descriptor.FullName}";
                if (!reader.TrySkip(wire)) return $"truncated field {number} in {descriptor.FullName}";
                continue;
            }
            if (!WireTypeFits(field, wire))
                return $"field {field.Name} ({number}) of {descriptor.FullName} has wire type {(int)wire}, expected {(int)ExpectedWireType(field)}";
            if (wire != WireType.LengthDelimited)
            {
                if (!reader.TrySkip(wire)) return $"truncated field {field.Name} in {descriptor.FullName}";
                continue;
            }
            if (!reader.TryReadLengthDelimited(out var payload)) return $"truncated field {field.Name} in {descriptor.FullName}";
            if (field.FieldType == FieldType.Message)
            {
                var err = Check(payload, field.MessageType, allowNonCritical, resolve, depth + 1);
                if (err is not null) return err;
            }
            else if (field.FieldType == FieldType.String && !IsValidUtf8(payload))
            {
                return $"field {field.Name} of {descriptor.FullName} is not valid UTF-8";
            }
            if (isAny && number == 1) anyType = System.Text.Encoding.UTF8.GetString(payload);
            if (isAny && number == 2) anyValue = payload;
        }
        if (isAny && anyType is not null)
        {
            var inner = resolve(anyType);
            if (inner is null) return $"unable to resolve type URL {anyType}";
            return Check(anyValue, inner, allowNonCritical, resolve, depth + 1);
        }
        return null;
    }

    private static bool IsValidUtf8(ReadOnlySpan<byte> s) => System.Text.Unicode.Utf8.IsValid(s);

    private static WireType ExpectedWireType(FieldDescriptor f) => f.FieldType switch
    {
        FieldType.Double or FieldType.Fixed64 or FieldType.SFixed64 => WireType.Fixed64,
        FieldType.Float or FieldType.Fixed32 or FieldType.SFixed32 => WireType.Fixed32,
        FieldType.String or FieldType.Bytes or FieldType.Message => WireType.LengthDelimited,
        _ => WireType.Varint,
    };

    private static bool WireTypeFits(FieldDescriptor f, WireType wire)
    {
        var expected = ExpectedWireType(f);
        if (wire == expected) return true;
        // repeated scalars may arrive packed
        return f.IsRepeated && wire == WireType.LengthDelimited && expected != WireType.LengthDelimited;
    }
}
