using System.Numerics;
using System.Security.Cryptography;
using Maci.Crypto.Amaci;
using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;
using Maci.Proto.Maci.Rounds.V1;

namespace Maci.Node.Cli;

/// <summary>
/// aMACI voter payloads as the Dora SDK builds them (amaci-protocol §3.3, §5.4): each command is signed with EdDSA-Poseidon
/// by the voter's key and encrypted with a fresh ephemeral key (ECDH with the coordinator key, poseidon-cipher, nonce 0).
/// </summary>
public static class VotePayload
{
    /// <summary>One encrypted message, its ephemeral public key and the command it carries.</summary>
    public sealed record Item(Message Message, PubKey EncPubKey, SignedMaciCommand Command);

    /// <summary>
    /// The vote payload for (option, weight) pairs sorted by option: nonces first..first+N−1, the last command (highest nonce)
    /// sets the new key to (0, 0) and locks the leaf. Returned in publishing order (highest nonce first), so processing,
    /// which runs newest first, meets the lowest nonce first.
    /// </summary>
    public static IReadOnlyList<Item> Votes(MaciKeypair voter, in BabyJubjubPoint coordinator, uint stateIndex, uint pollId,
        IReadOnlyList<(uint Option, UInt128 Weight)> votes, uint firstNonce)
    {
        var items = new List<Item>(votes.Count);
        for (var i = votes.Count - 1; i >= 0; i--)
        {
            var last = i == votes.Count - 1;
            var command = MaciCommand.Create(firstNonce + (uint)i, stateIndex, votes[i].Option, votes[i].Weight, pollId,
                last ? default : voter.PublicKey, RandomSalt());
            items.Add(Encrypt(command.Sign(voter), coordinator));
        }
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
        var message = new Message();
        foreach (var f in data) message.Data.Add(f.ToString());
        return new Item(message, RoundCliText.ToProto(ephemeral.PublicKey), signed);
    }

    /// <summary>A 56-bit random salt, as the SDK uses (the salt is not signed).</summary>
    private static Fr RandomSalt()
    {
        Span<byte> b = stackalloc byte[7];
        RandomNumberGenerator.Fill(b);
        return Fr.FromBigInteger(new BigInteger(b, isUnsigned: true, isBigEndian: true));
    }
}
