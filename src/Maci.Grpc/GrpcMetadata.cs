namespace Maci.Grpc;

/// <summary>Rules for gRPC custom metadata (header names, ASCII values, "-bin" base64 values).</summary>
internal static class GrpcMetadata
{
    public const string BinarySuffix = "-bin";

    public static void ValidateCustomName(string name, bool binary)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        foreach (var c in name)
            if (!(c is >= '0' and <= '9' or >= 'a' and <= 'z' or '_' or '-' or '.'))
                throw new ArgumentException($"metadata name \"{name}\" may only contain 0-9 a-z _ - .", nameof(name));
        if (name.StartsWith("grpc-", StringComparison.Ordinal))
            throw new ArgumentException($"metadata names starting with \"grpc-\" are reserved: {name}", nameof(name));
        if (binary != name.EndsWith(BinarySuffix, StringComparison.Ordinal))
            throw new ArgumentException(binary
                ? $"binary metadata names must end with \"{BinarySuffix}\": {name}"
                : $"ASCII metadata names must not end with \"{BinarySuffix}\": {name}", nameof(name));
    }

    public static void ValidateAsciiValue(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        foreach (var c in value)
            if (c is < ' ' or > '~')
                throw new ArgumentException($"metadata \"{name}\" value must be printable ASCII", nameof(value));
    }

    public static string EncodeBinary(ReadOnlySpan<byte> value) => Convert.ToBase64String(value).TrimEnd('=');

    /// <summary>Decodes padded or unpadded base64; repeated values joined with "," are concatenated.</summary>
    public static byte[] DecodeBinary(string value)
    {
        var parts = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        using var buffer = new MemoryStream();
        foreach (var part in parts)
        {
            var trimmed = part.TrimEnd('=');
            var padded = trimmed.PadRight(trimmed.Length + (4 - trimmed.Length % 4) % 4, '=');
            try
            {
                buffer.Write(Convert.FromBase64String(padded));
            }
            catch (FormatException e)
            {
                throw new GrpcException(StatusCode.InvalidArgument, $"binary metadata is not valid base64: {e.Message}");
            }
        }
        return buffer.ToArray();
    }
}
