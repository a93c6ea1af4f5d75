using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;
using Maci.Crypto.EdDsa;
using Maci.Crypto.Poseidon;

namespace Maci.Crypto.Amaci;

/// <summary>
/// An aMACI vote command (amaci-protocol §3.3). <see cref="Packed"/> is kept as sent, because the signature covers
/// H3(packed, newPubKey.x, newPubKey.y) and the decoded fields ignore bits above 224.
/// </summary>
public readonly record struct MaciCommand(Fr Packed, BabyJubjubPoint NewPublicKey, Fr Salt)
{
    public static MaciCommand Create(uint nonce, uint stateIndex, uint voteOptionIndex, UInt128 newVotes, uint pollId,
        BabyJubjubPoint newPublicKey, Fr salt) =>
        new(CommandPacking.Pack(nonce, stateIndex, voteOptionIndex, newVotes, pollId), newPublicKey, salt);

    public uint Nonce { get { CommandPacking.Unpack(Packed, out var v, out _, out _, out _, out _); return v; } }

    public uint StateIndex { get { CommandPacking.Unpack(Packed, out _, out var v, out _, out _, out _); return v; } }

    public uint VoteOptionIndex { get { CommandPacking.Unpack(Packed, out _, out _, out var v, out _, out _); return v; } }

    public UInt128 NewVotes { get { CommandPacking.Unpack(Packed, out _, out _, out _, out var v, out _); return v; } }

    public uint PollId { get { CommandPacking.Unpack(Packed, out _, out _, out _, out _, out var v); return v; } }

    /// <summary>The signed value H3(packed, newPubKey.x, newPubKey.y).</summary>
    public Fr Hash() => PoseidonHash.Hash3(Packed, NewPublicKey.X, NewPublicKey.Y);

    public SignedMaciCommand Sign(MaciKeypair signer) => new(this, signer.Sign(Hash()));
}
