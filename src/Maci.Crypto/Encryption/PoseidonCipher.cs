using System.Runtime.CompilerServices;
using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;
using Maci.Crypto.Poseidon;

namespace Maci.Crypto.Encryption;

/// <summary>
/// Poseidon sponge encryption exactly as @zk-kit/poseidon-cipher 0.3.2 (weijiekoh / MACI): the width-4 permutation
/// over the state (0, k.x, k.y, nonce + length·2^128); three plaintext elements are absorbed per block, and a final
/// permutation yields one authentication element. Ciphertext length = 3·⌈length/3⌉ + 1.
/// </summary>
[SkipLocalsInit]
public static class PoseidonCipher
{
    public static int CiphertextLength(int plaintextLength) =>
        plaintextLength < 0 ? throw new ArgumentOutOfRangeException(nameof(plaintextLength)) : (plaintextLength + 2) / 3 * 3 + 1;

    /// <summary>Encrypts into <paramref name="ciphertext"/> (exactly <see cref="CiphertextLength"/> elements).</summary>
    public static void Encrypt(ReadOnlySpan<Fr> plaintext, in BabyJubjubPoint key, in Fr nonce, Span<Fr> ciphertext)
    {
        var blocks = (plaintext.Length + 2) / 3;
        if (ciphertext.Length != 3 * blocks + 1)
            throw new ArgumentException($"ciphertext needs {3 * blocks + 1} elements, got {ciphertext.Length}", nameof(ciphertext));
        Span<Fr> state = stackalloc Fr[4];
        InitialState(state, key, nonce, plaintext.Length);
        for (var b = 0; b < blocks; b++)
        {
            PoseidonHash.Permute(state);
            for (var j = 0; j < 3; j++)
            {
                var i = 3 * b + j;
                if (i < plaintext.Length) Fr.Add(state[1 + j], plaintext[i], out state[1 + j]);
                ciphertext[i] = state[1 + j];
            }
        }
        PoseidonHash.Permute(state);
        ciphertext[3 * blocks] = state[1];
    }

    /// <summary>
    /// Decrypts and authenticates (zk-kit poseidonDecrypt): false when the padding elements are not zero (for
    /// length &gt; 3, as the reference checks) or the last element does not match. The plaintext is written either way.
    /// </summary>
    public static bool TryDecrypt(ReadOnlySpan<Fr> ciphertext, in BabyJubjubPoint key, in Fr nonce, int length, Span<Fr> plaintext)
    {
        Span<Fr> state = stackalloc Fr[4];
        Span<Fr> padded = stackalloc Fr[CiphertextLength(length) - 1];
        Run(ciphertext, key, nonce, length, plaintext, state, padded);
        var ok = true;
        if (length > 3)
            for (var i = length; i < padded.Length; i++)
                ok &= padded[i].IsZero;
        PoseidonHash.Permute(state);
        return ok & ciphertext[^1] == state[1];
    }

    /// <summary>Decrypts without any check (zk-kit poseidonDecryptWithoutCheck, what the circuits do).</summary>
    public static void DecryptWithoutCheck(ReadOnlySpan<Fr> ciphertext, in BabyJubjubPoint key, in Fr nonce, int length, Span<Fr> plaintext)
    {
        Span<Fr> state = stackalloc Fr[4];
        Span<Fr> padded = stackalloc Fr[CiphertextLength(length) - 1];
        Run(ciphertext, key, nonce, length, plaintext, state, padded);
    }

    private static void Run(ReadOnlySpan<Fr> ciphertext, in BabyJubjubPoint key, in Fr nonce, int length, Span<Fr> plaintext,
        Span<Fr> state, Span<Fr> padded)
    {
        if (ciphertext.Length != padded.Length + 1)
            throw new ArgumentException($"a ciphertext of a {length}-element message has {padded.Length + 1} elements, got {ciphertext.Length}", nameof(ciphertext));
        if (plaintext.Length < length)
            throw new ArgumentException($"plaintext needs {length} elements, got {plaintext.Length}", nameof(plaintext));
        InitialState(state, key, nonce, length);
        for (var b = 0; b < padded.Length / 3; b++)
        {
            PoseidonHash.Permute(state);
            for (var j = 0; j < 3; j++)
            {
                var c = ciphertext[3 * b + j];
                Fr.Sub(c, state[1 + j], out padded[3 * b + j]);
                state[1 + j] = c;
            }
        }
        padded[..length].CopyTo(plaintext);
    }

    private static void InitialState(Span<Fr> state, in BabyJubjubPoint key, in Fr nonce, int length)
    {
        var n = FrBits.Canonical(nonce);
        if (n.L2 != 0 || n.L3 != 0) throw new ArgumentOutOfRangeException(nameof(nonce), "the nonce must be less than 2^128");
        state[0] = Fr.Zero;
        state[1] = key.X;
        state[2] = key.Y;
        // nonce + length·2^128
        state[3] = FrBits.FromCanonical(new U256(n.L0, n.L1, (ulong)length, 0));
    }
}
