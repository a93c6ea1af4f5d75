using Maci.Crypto.Amaci;
using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;
using Maci.Proto.Maci.Rounds.V1;
using Maci.Sdk.Errors;

namespace Maci.Modules.Rounds.Types;

/// <summary>Field elements and points of this module's protos: decimal strings below the BN254 scalar modulus.</summary>
public static class Fields
{
    /// <summary>Parses a user-supplied field element (decimal, or 0x-hex as Fr.TryParse allows).</summary>
    public static SdkError? TryParse(string? text, string field, out Fr value)
    {
        if (Fr.TryParse(text, out value)) return null;
        return RoundsErrors.InvalidFieldElement.Wrap($"{field} '{Clip(text ?? "")}' is not an integer below the field modulus");
    }

    /// <summary>Parses exactly <paramref name="count"/> field elements.</summary>
    public static SdkError? TryParseAll(IReadOnlyList<string> texts, int count, string field, Span<Fr> values)
    {
        if (texts.Count != count) return RoundsErrors.InvalidMessage.Wrap($"{field} must have {count} elements, got {texts.Count}");
        for (var i = 0; i < count; i++)
            if (TryParse(texts[i], $"{field}[{i}]", out values[i]) is { } err) return err;
        return null;
    }

    /// <summary>A point with coordinates below p that satisfies the curve equation and has x ≠ 0 (Dora's key check).</summary>
    public static SdkError? TryParsePoint(PubKey? key, string field, out BabyJubjubPoint point)
    {
        point = default;
        if (key is null) return RoundsErrors.InvalidPubKey.Wrap($"{field} is missing");
        if (TryParse(key.X, field + ".x", out var x) is { } ex) return RoundsErrors.InvalidPubKey.Wrap(ex.Log);
        if (TryParse(key.Y, field + ".y", out var y) is { } ey) return RoundsErrors.InvalidPubKey.Wrap(ey.Log);
        point = new BabyJubjubPoint(x, y);
        if (!AmaciKeyChecks.IsValidPublicKey(point)) return RoundsErrors.InvalidPubKey.Wrap($"{field} is not a point of the Baby Jubjub curve with x ≠ 0");
        return null;
    }

    /// <summary>Reads a field element written by this module; an unreadable one is state corruption.</summary>
    public static Fr Read(string stored) =>
        stored.Length == 0 ? Fr.Zero : Fr.TryParse(stored, out var v) ? v : throw new InvalidDataException($"corrupt field element '{Clip(stored)}' in rounds state");

    public static string Write(in Fr value) => value.ToString();

    public static PubKey ToProto(in BabyJubjubPoint p) => new() { X = p.X.ToString(), Y = p.Y.ToString() };

    public static BabyJubjubPoint ReadPoint(PubKey stored) => new(Read(stored.X), Read(stored.Y));

    public static byte[] Bytes(in Fr value)
    {
        var b = new byte[32];
        value.WriteBytesBigEndian(b);
        return b;
    }

    public static Fr FromStored(ReadOnlySpan<byte> bytes32) =>
        Fr.TryFromBytesBigEndian(bytes32, out var v) ? v : throw new InvalidDataException("corrupt field element bytes in rounds state");

    public static string Clip(string s) => s.Length <= 80 ? s : s[..80] + "…";
}
