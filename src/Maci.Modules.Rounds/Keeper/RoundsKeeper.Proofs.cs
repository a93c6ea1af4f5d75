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

    /// <summary>Verifies against the round's prepared key for <paramref name="circuit"/>.</summary>
    internal SdkError? Verify(Context ctx, Round round, Func<DecodedCircuitKeys, CryptoKey?> circuit, string name, Groth16Proof? wire, in Fr input)
    {
        if (DecodeProof(wire, out var proof) is { } pe) return pe;
        if (DecodedKeys(ctx, round) is not { } keys || circuit(keys) is not { } vk)
            return RoundsErrors.UnsupportedCircuit.Wrap($"no {name} key for circuit {CircuitSizes.Name(round.CircuitSize)}");
        return Groth16Verifier.Verify(vk.Prepared, proof, [input])
            ? null
            : RoundsErrors.InvalidProof.Wrap($"{name} proof of round {round.Id} does not verify");
    }
}
