using System.Buffers.Binary;
using Maci.Crypto.Bn254;
using Maci.Crypto.Groth16;

namespace Maci.Modules.Rounds.Keeper;

/// <summary>
/// The single public input of each circuit (amaci-protocol §4): SHA-256 over 32-byte big-endian words, mod p. The
/// words come from the chain's own state; only the new commitments/roots come from the message.
/// </summary>
public static class PublicInputs
{
    /// <summary>Σ limb_i · 2^(32·i) with every limb below 2^32 (packedVals).</summary>
    public static Fr Pack32(ReadOnlySpan<ulong> limbs)
    {
        Span<byte> b = stackalloc byte[32];
        b.Clear();
        for (var i = 0; i < limbs.Length; i++)
        {
            if (limbs[i] > uint.MaxValue) throw new ArgumentOutOfRangeException(nameof(limbs), $"limb {i} does not fit 32 bits");
            BinaryPrimitives.WriteUInt32BigEndian(b.Slice(32 - 4 * (i + 1), 4), (uint)limbs[i]);
        }
        return Fr.TryFromBytesBigEndian(b, out var r) ? r : throw new InvalidOperationException("packed value exceeds the field");
    }

    /// <summary>aMACI process: [packed, coordHash, start, end, curState, newState, curDeactivate, pollId].</summary>
    public static Fr ProcessMessages(ulong maxVoteOptions, ulong numSignUps, bool quadratic, ulong maxVotesPerOption,
        in Fr coordHash, in Fr batchStart, in Fr batchEnd, in Fr current, in Fr next, in Fr deactivateCommitment, ulong pollId)
    {
        ReadOnlySpan<ulong> limbs = [maxVoteOptions, numSignUps, quadratic ? 1UL : 0UL, maxVotesPerOption];
        ReadOnlySpan<Fr> words = [Pack32(limbs), coordHash, batchStart, batchEnd, current, next, deactivateCommitment, Fr.FromUInt64(pollId)];
        return InputHash.Compute(words);
    }

    /// <summary>
    /// MACI process (6 words): [packed(options, sign-ups, quadratic), coordHash, start, end, curState, newState]. This is
    /// the list of Dora's MACI contract when its 2-1-1-5 fixture round was proved (7-element messages, no poll id); the
    /// fixture's process proof verifies with it (tests/fixtures/README.md, "MACI fixture proofs").
    /// </summary>
    public static Fr MaciProcessMessages(ulong maxVoteOptions, ulong numSignUps, bool quadratic,
        in Fr coordHash, in Fr batchStart, in Fr batchEnd, in Fr current, in Fr next)
    {
        ReadOnlySpan<ulong> limbs = [maxVoteOptions, numSignUps, quadratic ? 1UL : 0UL];
        ReadOnlySpan<Fr> words = [Pack32(limbs), coordHash, batchStart, batchEnd, current, next];
        return InputHash.Compute(words);
    }

    /// <summary>
    /// MACI process in the poll-id format (7 words): [packed(options, sign-ups, quadratic), coordHash, start, end, curState,
    /// newState, pollId] — Dora's current MACI contract (<c>execute_process_message</c>, input[6] = POLL_ID).
    /// </summary>
    public static Fr MaciProcessMessagesWithPollId(ulong maxVoteOptions, ulong numSignUps, bool quadratic,
        in Fr coordHash, in Fr batchStart, in Fr batchEnd, in Fr current, in Fr next, ulong pollId)
    {
        ReadOnlySpan<ulong> limbs = [maxVoteOptions, numSignUps, quadratic ? 1UL : 0UL];
        ReadOnlySpan<Fr> words = [Pack32(limbs), coordHash, batchStart, batchEnd, current, next, Fr.FromUInt64(pollId)];
        return InputHash.Compute(words);
    }

    /// <summary>[newDeactivateRoot, coordHash, DMSG[start], DMSG[end], curDeactivate, newDeactivate, stateRootAt(end), pollId].</summary>
    public static Fr ProcessDeactivate(in Fr newRoot, in Fr coordHash, in Fr start, in Fr end, in Fr current, in Fr next, in Fr stateRoot, ulong pollId)
    {
        ReadOnlySpan<Fr> words = [newRoot, coordHash, start, end, current, next, stateRoot, Fr.FromUInt64(pollId)];
        return InputHash.Compute(words);
    }

    /// <summary>[deactivateRoot, coordHash, nullifier, d0, d1, d2, d3, H2(newPubKey), pollId].</summary>
    public static Fr AddNewKey(in Fr deactivateRoot, in Fr coordHash, in Fr nullifier, ReadOnlySpan<Fr> d, in Fr newKeyHash, ulong pollId)
    {
        ReadOnlySpan<Fr> words = [deactivateRoot, coordHash, nullifier, d[0], d[1], d[2], d[3], newKeyHash, Fr.FromUInt64(pollId)];
        return InputHash.Compute(words);
    }

    /// <summary>[batchNum + numSignUps·2^32, stateCommitment, curTally, newTally].</summary>
    public static Fr Tally(ulong batchNum, ulong numSignUps, in Fr stateCommitment, in Fr current, in Fr next)
    {
        ReadOnlySpan<ulong> limbs = [batchNum, numSignUps];
        ReadOnlySpan<Fr> words = [Pack32(limbs), stateCommitment, current, next];
        return InputHash.Compute(words);
    }
}
