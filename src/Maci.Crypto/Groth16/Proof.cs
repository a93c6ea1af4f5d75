using Maci.Crypto.Bn254;

namespace Maci.Crypto.Groth16;

/// <summary>
/// A Groth16 proof (A ∈ G1, B ∈ G2, C ∈ G1). Construction validates group membership (throws
/// <see cref="Groth16FormatException"/>), so a <see cref="Proof"/> value always holds valid points.
/// Proofs are malleable: never use their bytes as a replay or nullifier key.
/// </summary>
public sealed record Proof
{
    public G1Affine A { get; }
    public G2Affine B { get; }
    public G1Affine C { get; }

    public Proof(G1Affine a, G2Affine b, G1Affine c)
    {
        A = PointValidation.G1(a, "proof A");
        B = PointValidation.G2(b, "proof B");
        C = PointValidation.G1(c, "proof C");
    }

    /// <summary>Decodes the EVM/Dora hex form: a and c 64 bytes (x ‖ y), b 128 bytes (x.c1 ‖ x.c0 ‖ y.c1 ‖ y.c0).</summary>
    public static Proof FromEvmHex(string a, string b, string c) =>
        new(EvmEncoding.DecodeG1(a, "proof A"), EvmEncoding.DecodeG2(b, "proof B"), EvmEncoding.DecodeG1(c, "proof C"));

    /// <summary>Decodes the concatenated 256-byte EVM form A ‖ B ‖ C.</summary>
    public static Proof FromEvmBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != 256) throw new Groth16FormatException($"proof: expected 256 bytes, got {bytes.Length}");
        return new(EvmEncoding.DecodeG1(bytes[..64], "proof A"), EvmEncoding.DecodeG2(bytes[64..192], "proof B"),
            EvmEncoding.DecodeG1(bytes[192..], "proof C"));
    }

    /// <summary>Like <see cref="FromEvmBytes"/> but reports a decoding failure instead of throwing.</summary>
    public static bool TryFromEvmBytes(ReadOnlySpan<byte> bytes, out Proof? proof, out string? error)
    {
        try
        {
            proof = FromEvmBytes(bytes);
            error = null;
            return true;
        }
        catch (Groth16FormatException e)
        {
            proof = null;
            error = e.Message;
            return false;
        }
    }

    public void WriteEvmBytes(Span<byte> dest256)
    {
        if (dest256.Length != 256) throw new ArgumentException("destination must be 256 bytes", nameof(dest256));
        EvmEncoding.EncodeG1(A, dest256[..64]);
        EvmEncoding.EncodeG2(B, dest256[64..192]);
        EvmEncoding.EncodeG1(C, dest256[192..]);
    }
}
