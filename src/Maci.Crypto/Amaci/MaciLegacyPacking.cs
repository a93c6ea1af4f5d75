using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;

namespace Maci.Crypto.Amaci;

/// <summary>
/// The packed first element of a legacy MACI command: nonce | stateIdx&lt;&lt;32 | voIdx&lt;&lt;64 | newVotes&lt;&lt;96 |
/// salt&lt;&lt;192 (32/32/32/96 bits, then the salt). The Dora SDK draws a 56-bit salt; unpacking returns the whole top limb
/// as the salt so that a foreign command unpacks to what it holds.
/// </summary>
public static class MaciLegacyPacking
{
    public const int SaltBits = 56;

    public const ulong MaxSalt = (1UL << SaltBits) - 1;

    public static Fr Pack(uint nonce, uint stateIndex, uint voteOptionIndex, UInt128 newVotes, ulong salt)
    {
        if (newVotes > CommandPacking.MaxVotes) throw new ArgumentOutOfRangeException(nameof(newVotes), "newVotes has 96 bits");
        if (salt > MaxSalt) throw new ArgumentOutOfRangeException(nameof(salt), $"a legacy command salt has {SaltBits} bits");
        var votesLo = (ulong)newVotes;
        var votesHi = (ulong)(newVotes >> 64);
        return FrBits.FromCanonical(new U256(
            nonce | ((ulong)stateIndex << 32),
            voteOptionIndex | (votesLo << 32),
            (votesLo >> 32) | (votesHi << 32),
            salt));
    }

    public static void Unpack(in Fr packed, out uint nonce, out uint stateIndex, out uint voteOptionIndex, out UInt128 newVotes, out ulong salt)
    {
        var v = FrBits.Canonical(packed);
        nonce = (uint)v.L0;
        stateIndex = (uint)(v.L0 >> 32);
        voteOptionIndex = (uint)v.L1;
        newVotes = (UInt128)(v.L1 >> 32) | ((UInt128)v.L2 << 32);
        salt = v.L3;
    }
}
