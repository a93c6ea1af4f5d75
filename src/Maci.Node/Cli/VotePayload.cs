using System.Buffers.Binary;
using System.Security.Cryptography;
using Maci.Crypto.Amaci;
using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;
using Maci.Proto.Maci.Rounds.V1;

namespace Maci.Node.Cli;

/// <summary>
/// Voter payloads as the Dora SDK builds them (amaci-protocol §3.3, §5.4, §8): each command is signed with EdDSA-Poseidon
/// by the voter's key and encrypted with a fresh ephemeral key (ECDH with the coordinator key, poseidon-cipher, nonce 0).
/// aMACI rounds take 10-element messages; MACI rounds take the format of <see cref="MaciMessageFormat"/>.
/// </summary>
public static class VotePayload
{
    /// <summary>One encrypted message and its ephemeral public key.</summary>
    public sealed record Item(Message Message, PubKey EncPubKey);

    /// <summary>
    /// The vote payload for (option, weight) pairs sorted by option: nonces first..first+N−1, the last command (highest nonce)
    /// sets the new key to (0, 0) and locks the leaf. Returned in publishing order (highest nonce first), so processing,
    /// which runs newest first, meets the lowest nonce first.
    /// </summary>
    public static IReadOnlyList<Item> Votes(MaciKeypair voter, in BabyJubjubPoint coordinator, uint stateIndex, uint pollId,
        IReadOnlyList<(uint Option, UInt128 Weight)> votes, uint firstNonce)
    {
        var coord = coordinator;
        return Plan(voter, votes, firstNonce, (nonce, option, weight, newKey) =>
            Encrypt(MaciCommand.Create(nonce, stateIndex, option, weight, pollId, newKey, RandomSalt()).Sign(voter), coord));
    }

    /// <summary>
    /// The vote payload of a MACI round, in the round's message format, with the nonce order and key lock of
    /// <see cref="Votes"/> (the SDK's legacyBuildVotePayload for <see cref="MaciMessageFormat.Legacy"/>; for
    /// <see cref="MaciMessageFormat.PollId"/> the aMACI payload carrying <paramref name="pollId"/>).
    /// </summary>
    public static IReadOnlyList<Item> MaciVotes(MaciKeypair voter, in BabyJubjubPoint coordinator, uint stateIndex,
        IReadOnlyList<(uint Option, UInt128 Weight)> votes, uint firstNonce, MaciMessageFormat format, uint pollId = 0)
    {
        var coord = coordinator;
        return format switch
        {
            MaciMessageFormat.PollId => Votes(voter, coordinator, stateIndex, pollId, votes, firstNonce),
            MaciMessageFormat.Legacy => Plan(voter, votes, firstNonce, (nonce, option, weight, newKey) =>
                EncryptLegacy(MaciLegacyCommand.Create(nonce, stateIndex, option, weight, RandomSalt56(), newKey).Sign(voter), coord)),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown MACI message format"),
        };
    }

    /// <summary>Commands for nonces first+N−1 down to first; the highest nonce locks the leaf with the new key (0, 0).</summary>
    private static List<Item> Plan(MaciKeypair voter, IReadOnlyList<(uint Option, UInt128 Weight)> votes, uint firstNonce,
        Func<uint, uint, UInt128, BabyJubjubPoint, Item> build)
    {
        var items = new List<Item>(votes.Count);
        for (var i = votes.Count - 1; i >= 0; i--)
            items.Add(build(firstNonce + (uint)i, votes[i].Option, votes[i].Weight, i == votes.Count - 1 ? default : voter.PublicKey));
        return items;
    }

    /// <summary>Dora's deactivate message: one command (option 0, weight 0, new key (0, 0)) with nonce 0 by default.</summary>
    public static Item Deactivate(MaciKeypair voter, in BabyJubjubPoint coordinator, uint stateIndex, uint pollId, uint nonce = 0) =>
        Encrypt(MaciCommand.Create(nonce, stateIndex, 0, UInt128.Zero, pollId, default, RandomSalt()).Sign(voter), coordinator);

    private static Item Encrypt(SignedMaciCommand signed, in BabyJubjubPoint coordinator)
    {
        var ephemeral = MaciKeyFile.Generate();
        Span<Fr> data = stackalloc Fr[MaciMessage.Length];
        MaciMessage.Encrypt(signed, ephemeral.SecretScalar, coordinator, data);
        return ToItem(data, ephemeral.PublicKey);
    }

    private static Item EncryptLegacy(SignedMaciLegacyCommand signed, in BabyJubjubPoint coordinator)
    {
        var ephemeral = MaciKeyFile.Generate();
        Span<Fr> data = stackalloc Fr[MaciLegacyMessage.Length];
        MaciLegacyMessage.Encrypt(signed, ephemeral.SecretScalar, coordinator, data);
        return ToItem(data, ephemeral.PublicKey);
    }

    private static Item ToItem(ReadOnlySpan<Fr> data, in BabyJubjubPoint encPubKey)
    {
        var message = new Message();
        foreach (var f in data) message.Data.Add(f.ToString());
        return new Item(message, RoundCliText.ToProto(encPubKey));
    }

    /// <summary>A 56-bit random salt, as the SDK draws it (7 random bytes).</summary>
    private static ulong RandomSalt56()
    {
        Span<byte> b = stackalloc byte[8];
        RandomNumberGenerator.Fill(b[1..]);
        b[0] = 0;
        return BinaryPrimitives.ReadUInt64BigEndian(b);
    }

    /// <summary>An aMACI command salt: 56 random bits (the salt is not signed).</summary>
    private static Fr RandomSalt() => Fr.FromUInt64(RandomSalt56());
}
