using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;
using Maci.Crypto.Poseidon;

namespace Maci.Crypto.Amaci;

/// <summary>The hashes of amaci-protocol §3 (leaves, message chains, commitments, nullifiers).</summary>
public static class AmaciHashes
{
    /// <summary>Salt of the operator's deterministic deactivate randomness H3(coordRawKey, 20040, newActiveState).</summary>
    public const ulong DeactivateRandomSalt = 20040;

    /// <summary>
    /// The 10-field aMACI state leaf [pk.x, pk.y, balance, voRoot, nonce, c1.x, c1.y, c2.x, c2.y, xIncrement]
    /// hashed as H10 = H2(H5(first five), H5(last five)).
    /// </summary>
    public static Fr StateLeaf(in BabyJubjubPoint publicKey, in Fr balance, in Fr voteOptionRoot, in Fr nonce,
        in BabyJubjubPoint c1, in BabyJubjubPoint c2, in Fr xIncrement)
    {
        var left = PoseidonHash.Hash5(publicKey.X, publicKey.Y, balance, voteOptionRoot, nonce);
        var right = PoseidonHash.Hash5(c1.X, c1.Y, c2.X, c2.Y, xIncrement);
        return PoseidonHash.Hash2(left, right);
    }

    /// <summary>The leaf written at sign-up: H10(pk.x, pk.y, balance, 0, 0, 0, 0, 0, 0, 0).</summary>
    public static Fr SignUpLeaf(in BabyJubjubPoint publicKey, in Fr balance) =>
        StateLeaf(publicKey, balance, Fr.Zero, Fr.Zero, default, default, Fr.Zero);

    /// <summary>The AddNewKey leaf H2(H5(pk.x, pk.y, balance, 0, 0), H5(d0, d1, d2, d3, 0)), d = (d1.x, d1.y, d2.x, d2.y).</summary>
    public static Fr AddNewKeyLeaf(in BabyJubjubPoint publicKey, in Fr balance, in BabyJubjubPoint d1, in BabyJubjubPoint d2) =>
        StateLeaf(publicKey, balance, Fr.Zero, Fr.Zero, d1, d2, Fr.Zero);

    /// <summary>The 5-field MACI (non-anonymous) state leaf H5(pk.x, pk.y, balance, voRoot, nonce).</summary>
    public static Fr MaciStateLeaf(in BabyJubjubPoint publicKey, in Fr balance, in Fr voteOptionRoot, in Fr nonce) =>
        PoseidonHash.Hash5(publicKey.X, publicKey.Y, balance, voteOptionRoot, nonce);

    /// <summary>One message-chain step h' = H5(H5(m0..m4), H5(m5..m9), enc.x, enc.y, h) (the circuit's Hasher13).</summary>
    public static Fr MessageChainStep(in Fr previous, ReadOnlySpan<Fr> message, in BabyJubjubPoint encryptionPublicKey)
    {
        if (message.Length != MaciMessage.Length)
            throw new ArgumentException($"an aMACI message has {MaciMessage.Length} elements, got {message.Length}", nameof(message));
        var left = PoseidonHash.Hash5(message[0], message[1], message[2], message[3], message[4]);
        var right = PoseidonHash.Hash5(message[5], message[6], message[7], message[8], message[9]);
        return PoseidonHash.Hash5(left, right, encryptionPublicKey.X, encryptionPublicKey.Y, previous);
    }

    /// <summary>H2(x, y) of a public key: the coordinator hash, the new-key hash of AddNewKey, the identity commitment.</summary>
    public static Fr PublicKeyHash(in BabyJubjubPoint publicKey) => PoseidonHash.Hash2(publicKey.X, publicKey.Y);

    /// <summary>State and tally commitments H2(root, salt).</summary>
    public static Fr Commitment(in Fr root, in Fr salt) => PoseidonHash.Hash2(root, salt);

    /// <summary>Deactivate commitment H2(activeStateRoot, deactivateRoot).</summary>
    public static Fr DeactivateCommitment(in Fr activeStateRoot, in Fr deactivateRoot) => PoseidonHash.Hash2(activeStateRoot, deactivateRoot);

    /// <summary>AddNewKey nullifier H2(oldSecretScalar, pollId).</summary>
    public static Fr Nullifier(in Fr oldSecretScalar, in Fr pollId) => PoseidonHash.Hash2(oldSecretScalar, pollId);

    /// <summary>Deactivate-tree leaf H5(c1.x, c1.y, c2.x, c2.y, H2(sharedKey.x, sharedKey.y)).</summary>
    public static Fr DeactivateLeaf(in BabyJubjubPoint c1, in BabyJubjubPoint c2, in BabyJubjubPoint sharedKey) =>
        PoseidonHash.Hash5(c1.X, c1.Y, c2.X, c2.Y, PoseidonHash.Hash2(sharedKey.X, sharedKey.Y));

    /// <summary>The operator's deterministic ElGamal randomness H3(coordinator raw key, salt, newActiveState).</summary>
    public static Fr StaticRandomKey(in Fr coordinatorPrivateKey, in Fr salt, in Fr index) =>
        PoseidonHash.Hash3(coordinatorPrivateKey, salt, index);
}
