using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;

namespace Maci.Crypto.Amaci;

/// <summary>
/// The packed first element of an aMACI command: nonce | stateIdx&lt;&lt;32 | voIdx&lt;&lt;64 | newVotes&lt;&lt;96 |
/// pollId&lt;&lt;192 (32/32/32/96/32 bits). Unpacking reads bits 0..223 and ignores anything above, as the circuit's
/// UnpackElement(7) does.
/// </summary>
public static class CommandPacking
{
    public static readonly UInt128 MaxVotes = (UInt128.One << 96) - 1;

    public static Fr Pack(uint nonce, uint stateIndex, uint voteOptionIndex, UInt128 newVotes, uint pollId) =>
        PackWithTopLimb(nonce, stateIndex, voteOptionIndex, newVotes, pollId);

    public static void Unpack(in Fr packed, out uint nonce, out uint stateIndex, out uint voteOptionIndex, out UInt128 newVotes, out uint pollId)
    {
        UnpackWithTopLimb(packed, out nonce, out stateIndex, out voteOptionIndex, out newVotes, out var top);
        pollId = (uint)top;
    }

    /// <summary>The layout both command formats share: nonce | stateIdx&lt;&lt;32 | voIdx&lt;&lt;64 | newVotes&lt;&lt;96, and a 64-bit top limb at 192
    /// (the poll id in aMACI, the salt in legacy MACI).</summary>
    internal static Fr PackWithTopLimb(uint nonce, uint stateIndex, uint voteOptionIndex, UInt128 newVotes, ulong topLimb)
    {
        if (newVotes > MaxVotes) throw new ArgumentOutOfRangeException(nameof(newVotes), "newVotes has 96 bits");
        var votesLo = (ulong)newVotes;
        var votesHi = (ulong)(newVotes >> 64);
        return FrBits.FromCanonical(new U256(
            nonce | ((ulong)stateIndex << 32),
            voteOptionIndex | (votesLo << 32),
            (votesLo >> 32) | (votesHi << 32),
            topLimb));
    }

    internal static void UnpackWithTopLimb(in Fr packed, out uint nonce, out uint stateIndex, out uint voteOptionIndex, out UInt128 newVotes, out ulong topLimb)
    {
        var v = FrBits.Canonical(packed);
        nonce = (uint)v.L0;
        stateIndex = (uint)(v.L0 >> 32);
        voteOptionIndex = (uint)v.L1;
        newVotes = (UInt128)(v.L1 >> 32) | ((UInt128)v.L2 << 32);
        topLimb = v.L3;
    }
}
