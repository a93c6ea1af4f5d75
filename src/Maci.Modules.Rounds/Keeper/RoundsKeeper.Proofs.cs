using Maci.Crypto.Bn254;
using Maci.Crypto.Groth16;
using Maci.Modules.Rounds.Types;
using Maci.Proto.Maci.Rounds.V1;
using Maci.Sdk;
using Maci.Sdk.Errors;
using CryptoKey = Maci.Crypto.Groth16.VerifyingKey;

namespace Maci.Modules.Rounds.Keeper;

public sealed partial class RoundsKeeper
{
    /// <summary>Decodes a proof in the EVM hex layout; a bad encoding is <see cref="RoundsErrors.MalformedProof"/>.</summary>
    public static SdkError? DecodeProof(Groth16Proof? p, out Proof proof)
    {
        proof = null!;
        if (p is null) return RoundsErrors.MalformedProof.Wrap("proof is missing");
        try
        {
            proof = Proof.FromEvmHex(p.A, p.B, p.C);
            return null;
        }
        catch (Groth16FormatException e)
        {
            return RoundsErrors.MalformedProof.Wrap(e.Message);
        }
    }

    /// <summary>Verifies against the round's pinned, prepared key for <paramref name="circuit"/>.</summary>
    internal SdkError? Verify(Context ctx, Round round, Func<DecodedCircuitKeys, CryptoKey?> circuit, string name, Groth16Proof? wire, in Fr input)
    {
        if (DecodeProof(wire, out var proof) is { } pe) return pe;
        if (PinnedKeys(ctx, round.Id) is not { } keys || circuit(keys) is not { } vk)
            return RoundsErrors.UnsupportedCircuit.Wrap($"round {round.Id} pinned no usable {name} key for circuit {CircuitSizes.Name(round.CircuitSize)}");
        return Groth16Verifier.Verify(vk.Prepared, proof, [input])
            ? null
            : RoundsErrors.InvalidProof.Wrap($"{name} proof of round {round.Id} does not verify");
    }

    /// <summary>The verifying keys the round pinned at creation (null only for a store without the pin).</summary>
    public CircuitKeys? GetRoundCircuitKeys(Context ctx, ulong roundId) =>
        PinnedKeyBytes(ctx, roundId, out _) is { } bytes ? CircuitKeys.Parser.ParseFrom(bytes) : null;

    /// <summary>
    /// The round's pinned keys, decoded and prepared once per process. They passed the params checks when the round
    /// pinned them, so a later change of <c>allow_gamma_equal_delta</c> does not reach them either.
    /// </summary>
    internal DecodedCircuitKeys? PinnedKeys(Context ctx, ulong roundId) =>
        PinnedKeyBytes(ctx, roundId, out var hash) is { } bytes ? _keyCache.Get(Convert.ToHexString(hash!), bytes, allowGammaEqualDelta: true) : null;

    private static byte[]? PinnedKeyBytes(Context ctx, ulong roundId, out byte[]? hash)
    {
        var store = Store(ctx);
        hash = store.Get(Keys.RoundKeys(roundId));
        return hash is { Length: 32 } ? store.Get(Keys.PinnedKeys(hash)) : null;
    }
}
