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
        return CommandPacking.PackWithTopLimb(nonce, stateIndex, voteOptionIndex, newVotes, salt);
    }

    public static void Unpack(in Fr packed, out uint nonce, out uint stateIndex, out uint voteOptionIndex, out UInt128 newVotes, out ulong salt) =>
        CommandPacking.UnpackWithTopLimb(packed, out nonce, out stateIndex, out voteOptionIndex, out newVotes, out salt);
}
