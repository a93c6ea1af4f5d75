using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;
using Maci.Crypto.Poseidon;

namespace Maci.Crypto.Amaci;

/// <summary>
/// A legacy MACI vote command (amaci-protocol §8): the salt sits inside <see cref="Packed"/>, so the signature over
/// H3(packed, newPubKey.x, newPubKey.y) covers it (unlike aMACI, where the salt is a separate, unsigned element).
/// </summary>
public readonly record struct MaciLegacyCommand(Fr Packed, BabyJubjubPoint NewPublicKey)
{
    public static MaciLegacyCommand Create(uint nonce, uint stateIndex, uint voteOptionIndex, UInt128 newVotes, ulong salt,
        BabyJubjubPoint newPublicKey) =>
        new(MaciLegacyPacking.Pack(nonce, stateIndex, voteOptionIndex, newVotes, salt), newPublicKey);

    public uint Nonce { get { MaciLegacyPacking.Unpack(Packed, out var v, out _, out _, out _, out _); return v; } }

    public uint StateIndex { get { MaciLegacyPacking.Unpack(Packed, out _, out var v, out _, out _, out _); return v; } }

    public uint VoteOptionIndex { get { MaciLegacyPacking.Unpack(Packed, out _, out _, out var v, out _, out _); return v; } }

    public UInt128 NewVotes { get { MaciLegacyPacking.Unpack(Packed, out _, out _, out _, out var v, out _); return v; } }

    public ulong Salt { get { MaciLegacyPacking.Unpack(Packed, out _, out _, out _, out _, out var v); return v; } }

    /// <summary>The signed value H3(packed, newPubKey.x, newPubKey.y).</summary>
    public Fr Hash() => PoseidonHash.Hash3(Packed, NewPublicKey.X, NewPublicKey.Y);

    public SignedMaciLegacyCommand Sign(MaciKeypair signer) => new(this, signer.Sign(Hash()));
}
