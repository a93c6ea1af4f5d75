using System.Numerics;
using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;
using Maci.Crypto.Amaci;
using Maci.Crypto.Tests.Support;

namespace Maci.Crypto.Tests.Amaci;

public class CommandAndMessageTests
{
    private static readonly MaciKeypair Coordinator = MaciKeypair.FromPrivateKey(111111);
    private static readonly MaciKeypair Voter = MaciKeypair.FromPrivateKey(222222);

    [Fact]
    public void PackingPlacesEachFieldAtItsOffset()
    {
        var packed = CommandPacking.Pack(1, 2, 3, (UInt128)4, 5);
        var expected = BigInteger.One + (BigInteger.One * 2 << 32) + (BigInteger.One * 3 << 64) + (BigInteger.One * 4 << 96) + (BigInteger.One * 5 << 192);
        Assert.Equal(expected, packed.ToBigInteger());
        var votes = CommandPacking.MaxVotes - 12345;
        CommandPacking.Unpack(CommandPacking.Pack(uint.MaxValue, 7, 9, votes, 11), out var n, out var s, out var v, out var w, out var p);
        Assert.Equal((uint.MaxValue, 7u, 9u, votes, 11u), (n, s, v, w, p));
        Assert.Throws<ArgumentOutOfRangeException>(() => CommandPacking.Pack(0, 0, 0, CommandPacking.MaxVotes + 1, 0));
    }

    [Fact]
    public void UnpackIgnoresBitsAbove224LikeTheCircuit()
    {
        var packed = Num.F((BigInteger.One << 230) + 77);
        var cmd = new MaciCommand(packed, default, Fr.Zero);
        Assert.Equal(77u, cmd.Nonce);
        Assert.Equal(0u, cmd.PollId);
    }

    [Fact]
    public void MessagesRoundTripAndWrongKeysFail()
    {
        var cmd = MaciCommand.Create(1, 0, 2, (UInt128)6, 1, Voter.PublicKey, Fr.FromUInt64(56));
        var signed = cmd.Sign(Voter);
        Assert.True(signed.VerifySignature(Voter.PublicKey));
        Assert.False(signed.VerifySignature(Coordinator.PublicKey));

        var ephemeral = MaciKeypair.FromPrivateKey(424242);
        var message = new Fr[MaciMessage.Length];
        MaciMessage.Encrypt(signed, ephemeral.SecretScalar, Coordinator.PublicKey, message);
        Assert.True(MaciMessage.TryDecrypt(message, ephemeral.PublicKey, Coordinator.SecretScalar, out var back));
        Assert.Equal(signed, back);
        Assert.Equal((1u, 0u, 2u, (UInt128)6, 1u), (back.Command.Nonce, back.Command.StateIndex, back.Command.VoteOptionIndex, back.Command.NewVotes, back.Command.PollId));

        Assert.False(MaciMessage.TryDecrypt(message, ephemeral.PublicKey, Voter.SecretScalar, out _));
        Assert.False(MaciMessage.TryDecrypt(message, new BabyJubjubPoint(Fr.One, Fr.One), Coordinator.SecretScalar, out _));
        message[3] += Fr.One;
        Assert.False(MaciMessage.TryDecrypt(message, ephemeral.PublicKey, Coordinator.SecretScalar, out _));
        Assert.False(MaciMessage.DecryptWithoutCheck(message, ephemeral.PublicKey, Coordinator.SecretScalar).VerifySignature(Voter.PublicKey));
        Assert.Throws<ArgumentException>(() => MaciMessage.TryDecrypt(new Fr[7], ephemeral.PublicKey, Coordinator.SecretScalar, out _));
        Assert.Throws<ArgumentException>(() => SignedMaciCommand.FromPlaintext(new Fr[6]));
    }

    [Fact]
    public void MessageChainStepIsHasher13()
    {
        var msg = Enumerable.Range(1, 10).Select(i => Fr.FromUInt64((ulong)i)).ToArray();
        var enc = Coordinator.PublicKey;
        var expected = Maci.Crypto.Poseidon.PoseidonHash.Hash5(
            Maci.Crypto.Poseidon.PoseidonHash.Hash(msg[..5]), Maci.Crypto.Poseidon.PoseidonHash.Hash(msg[5..]), enc.X, enc.Y, Fr.FromUInt64(99));
        Assert.Equal(expected, AmaciHashes.MessageChainStep(Fr.FromUInt64(99), msg, enc));
        Assert.Throws<ArgumentException>(() => AmaciHashes.MessageChainStep(Fr.Zero, msg[..9], enc));
    }

    [Fact]
    public void KeypairsRejectNegativeKeysAndReduceLargeOnes()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MaciKeypair.FromPrivateKey(BigInteger.MinusOne));
        Assert.Equal(MaciKeypair.FromPrivateKey(5), MaciKeypair.FromPrivateKey(Num.R + 5));
        // Zero is one zero byte, as the SDK's bigInt2Buffer writes it.
        Assert.Equal(Maci.Crypto.EdDsa.EdDsaPoseidon.DeriveSecretScalar([0]), MaciKeypair.FromPrivateKey(0).SecretScalar);
    }
}
