using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;
using Maci.Crypto.Groth16;
using Maci.Crypto.Poseidon;
using Maci.Modules.Rounds.Keeper;
using Maci.Modules.Rounds.Types;
using Maci.Proto.Maci.Rounds.V1;
using Maci.Rounds.Tests.Support;
using Maci.Sdk;
using Maci.Sdk.Json;
using static Maci.Modules.Rounds.Types.RoundsErrors;
using CryptoKey = Maci.Crypto.Groth16.VerifyingKey;

namespace Maci.Rounds.Tests;

/// <summary>
/// MACI rounds in the poll-id format (Dora's current MACI contract): 10-element messages, chain step
/// H5(H5(m0..m4), H5(m5..m9), enc.x, enc.y, prev), process input SHA-256 of 7 words ending with the poll id. Upstream's
/// current 2-1-1-5 MACI keys have γ = δ, so any input can be "proved" (A = α, B = β, C = −IC(x)); the test forges its
/// proofs for the input it computes itself, so a batch is accepted only if the chain hashed exactly the same words.
/// </summary>
public sealed class MaciFormatTests
{
    private static readonly BigInteger R = BigInteger.Parse("21888242871839275222246405745257275088548364400416034343698204186575808495617");
    private static readonly byte[] MaciOperator = RoundsChain.Address("maci-operator");

    [Fact]
    public void The_poll_id_process_input_is_sha256_of_the_seven_documented_words()
    {
        // [packed(options | sign-ups << 32 | quadratic << 64), coordHash, batchStart, batchEnd, curState, newState, pollId]
        BigInteger[] words = [5 + (BigInteger.One << 64) + (2UL << 32), 11, 22, 33, 44, 55, 7];
        var input = PublicInputs.MaciProcessMessagesWithPollId(5, 2, quadratic: true, Fr.FromUInt64(11), Fr.FromUInt64(22),
            Fr.FromUInt64(33), Fr.FromUInt64(44), Fr.FromUInt64(55), pollId: 7);
        Assert.Equal(Sha256Words(words).ToString(), input.ToString());
        // The legacy list is the first six words: the two formats never share an input.
        var legacy = PublicInputs.MaciProcessMessages(5, 2, quadratic: true, Fr.FromUInt64(11), Fr.FromUInt64(22),
            Fr.FromUInt64(33), Fr.FromUInt64(44), Fr.FromUInt64(55));
        Assert.Equal(Sha256Words(words[..6]).ToString(), legacy.ToString());
        Assert.NotEqual(legacy, input);
    }

    [Fact]
    public void A_poll_id_round_runs_end_to_end_on_forged_proofs_for_the_independently_built_inputs()
    {
        using var s = new AmaciScenario(p =>
        {
            p.AllowGammaEqualDelta = true;
            p.Circuits.Add(PollIdKeys());
        });
        var (fx, id) = CreateAndVote(s);
        var ctx = s.Chain.Ctx(ExecMode.Query);
        Assert.Equal(MaciFormat.PollId, s.Chain.Keeper.GetRoundCircuitKeys(ctx, id)!.MaciFormat);
        var keys = PollIdKeys();
        var processKey = Decode(keys.Process);

        // The chain's message hashes are the independently chained ones.
        var chain = ExpectedChain();
        Assert.Equal(chain, s.Chain.Keeper.GetMsgHash(ctx, id, 2));
        var state = s.Chain.State(id);
        var coordHash = PoseidonHash.Hash2(MaciFixtureRound.Coordinator.X, MaciFixtureRound.Coordinator.Y);
        Assert.Equal(coordHash.ToString(), state.CoordinatorHash);
        var current = BigInteger.Parse(state.CurrentStateCommitment);
        BigInteger newState = 777_777;
        BigInteger packed = 5 + (BigInteger.One << 64) + (2UL << 32);
        BigInteger[] words = [packed, Big(coordHash), 0, Big(chain), current, newState, id];

        var process = new MsgProcessMessage { Sender = fx.Parties.Operator, RoundId = id, NewStateCommitment = newState.ToString() };
        // Forgeries for near-miss word lists fail: no poll id (the legacy list), another poll id, another batch end.
        foreach (var wrong in new[] { words[..6], With(words, 6, id + 1), With(words, 3, Big(chain) + 1) })
            s.Chain.Fails(Tamper.With(process, m => m.Proof = Forge(processKey, Sha256Words(wrong))), InvalidProof);
        process.Proof = Forge(processKey, Sha256Words(words));
        s.Chain.Ok<MsgProcessMessageResponse>(process);
        Assert.Equal(newState.ToString(), s.Chain.State(id).CurrentStateCommitment);
        Assert.Equal(2UL, s.Chain.State(id).ProcessedMsgCount);
        s.Chain.Ok<MsgStopProcessingPeriodResponse>(fx.StopProcessing());

        // Tally (4 words, as in the legacy format): [batchNum | sign-ups << 32, stateCommitment, curTally, newTally].
        string[] results = ["0", "9", "0", "4", "0"];
        var salt = Fr.FromUInt64(31337);
        var root = PoseidonHash.Hash5(Fr.Parse(results[0]), Fr.Parse(results[1]), Fr.Parse(results[2]), Fr.Parse(results[3]), Fr.Parse(results[4]));
        var newTally = PoseidonHash.Hash2(root, salt);
        BigInteger[] tallyWords = [2UL << 32, newState, BigInteger.Parse(s.Chain.State(id).CurrentTallyCommitment), Big(newTally)];
        var tally = new MsgProcessTally
        {
            Sender = fx.Parties.Operator, RoundId = id, NewTallyCommitment = newTally.ToString(),
            Proof = Forge(Decode(keys.Tally), Sha256Words(tallyWords)),
        };
        s.Chain.Ok<MsgProcessTallyResponse>(tally);
        var stop = new MsgStopTallyingPeriod { Sender = fx.Parties.Operator, RoundId = id, Salt = salt.ToString() };
        stop.Results.AddRange(results);
        s.Chain.Ok<MsgStopTallyingPeriodResponse>(stop);
        Assert.Equal(Period.Ended, s.Chain.State(id).Period);
        Assert.Equal(results, s.Chain.Keeper.GetResults(s.Chain.Ctx(ExecMode.Query), id)!.Results);
        s.Chain.AssertInvariants();
    }

    [Fact]
    public void A_chain_that_does_not_allow_gamma_equal_delta_refuses_the_keys_and_the_forged_proof()
    {
        var strict = RoundsParams.Default();
        strict.Circuits.Add(PollIdKeys());
        Assert.Contains("gamma == delta", RoundsParams.Validate(strict)!.Log);
        var refused = Assert.Throws<ArgumentException>(() => new AmaciScenario(p => p.Circuits.Add(PollIdKeys())));
        Assert.Contains("gamma == delta", refused.Message);

        // Strict params with a γ ≠ δ key set in the poll-id format: the round is created and votes, and the forgery made
        // for the γ = δ keys for exactly the chain's input is refused.
        var sound = MaciFixtureRound.Keys();
        sound.MaciFormat = MaciFormat.PollId;
        using var s = new AmaciScenario(p => p.Circuits.Add(sound));
        var (fx, id) = CreateAndVote(s);
        var state = s.Chain.State(id);
        BigInteger newState = 777_777;
        BigInteger[] words = [5 + (BigInteger.One << 64) + (2UL << 32), BigInteger.Parse(state.CoordinatorHash), 0, Big(ExpectedChain()),
            BigInteger.Parse(state.CurrentStateCommitment), newState, id];
        var forged = Forge(Decode(PollIdKeys().Process), Sha256Words(words));
        s.Chain.Fails(new MsgProcessMessage { Sender = fx.Parties.Operator, RoundId = id, NewStateCommitment = newState.ToString(), Proof = forged }, InvalidProof);
    }

    [Fact]
    public void The_format_is_checked_per_key_set_and_travels_with_the_pinned_keys()
    {
        var p = RoundsParams.Default();
        var amaci = DoraFixture.Keys("dora-amaci", "2-1-1-5", RoundKind.Amaci);
        amaci.MaciFormat = MaciFormat.PollId;
        p.Circuits.Add(amaci);
        Assert.Contains("maci_format applies to MACI key sets only", RoundsParams.Validate(p)!.Log);
        var unknown = MaciFixtureRound.Keys();
        unknown.MaciFormat = (MaciFormat)5;
        p.Circuits[0] = unknown;
        Assert.Contains("maci_format 5 is unknown", RoundsParams.Validate(p)!.Log);

        // A legacy round refuses 10-element messages, a poll-id round 7-element ones.
        using var legacy = new AmaciScenario(q => q.Circuits.Add(MaciFixtureRound.Keys()));
        var (lf, lid) = CreateRound(legacy);
        legacy.Chain.Now = legacy.Start;
        legacy.Chain.Fails(Publish(lf, lid, 10, 0), InvalidMessage);
        using var s = new AmaciScenario(q =>
        {
            q.AllowGammaEqualDelta = true;
            q.Circuits.Add(PollIdKeys());
        });
        var (fx, id) = CreateRound(s);
        s.Chain.Now = s.Start;
        s.Chain.Fails(Publish(fx, id, 7, 0), InvalidMessage);

        // Exported and imported, the round keeps its pinned poll-id keys (and the query answers them).
        s.Chain.Ok<MsgPublishMessageResponse>(Publish(fx, id, 10, 0));
        var exported = s.Chain.Module.ExportGenesis(s.Chain.Ctx(ExecMode.Query));
        using var t = new AmaciScenario(q => q.AllowGammaEqualDelta = true);
        var node = JsonNode.Parse(exported.ToJsonString())!;
        Assert.Null(t.Chain.Module.ValidateGenesis(node));
        t.Chain.Module.InitGenesis(t.Chain.Ctx(ExecMode.Genesis), node);
        var query = t.Chain.Module.QueryRoutes.Single(r => r.Path.EndsWith("/VerifyingKeys", StringComparison.Ordinal))
            .Handle(t.Chain.Ctx(ExecMode.Query), new QueryVerifyingKeysRequest { RoundId = id }.ToByteArray());
        Assert.Equal(MaciFormat.PollId, QueryVerifyingKeysResponse.Parser.ParseFrom(query.Value).Keys.MaciFormat);
        t.Chain.Now = s.Chain.Now;
        t.Chain.Fails(Publish(fx, id, 7, 1), InvalidMessage);
        t.Chain.Ok<MsgPublishMessageResponse>(Publish(fx, id, 10, 1));
        Assert.Equal(ExpectedChain(), t.Chain.Keeper.GetMsgHash(t.Chain.Ctx(ExecMode.Query), id, 2));
    }

    [Fact]
    public void Genesis_refuses_a_marked_aMACI_key_set_in_the_params_or_pinned_by_a_round()
    {
        using var s = new AmaciScenario();
        s.Create();
        s.RunSteps(0, 2);
        var exported = Json.Parse(s.Chain.Module.ExportGenesis(s.Chain.Ctx(ExecMode.Query)), GenesisState.Parser);
        Assert.Null(s.Chain.Module.ValidateGenesis(Json.ToNode(exported)));

        var g = exported.Clone();
        g.Params.Circuits[0].MaciFormat = MaciFormat.PollId;
        Assert.Contains("maci_format applies to MACI key sets only", s.Chain.Module.ValidateGenesis(Json.ToNode(g))!.Log);

        // The round's pinned set, re-addressed under its new hash so only the format is wrong.
        g = exported.Clone();
        var entries = g.Rounds[0].Entries;
        var keys = CircuitKeys.Parser.ParseFrom(entries[^1].Value);
        Assert.Equal(Keys.PinnedKeysPrefix, entries[^1].Key[0]);
        keys.MaciFormat = MaciFormat.PollId;
        var bytes = keys.ToByteArray();
        var hash = SHA256.HashData(bytes);
        entries[^2].Value = ByteString.CopyFrom(hash);
        entries[^1] = new StoreEntry { Key = ByteString.CopyFrom(Keys.PinnedKeys(hash)), Value = ByteString.CopyFrom(bytes) };
        var err = s.Chain.Module.ValidateGenesis(Json.ToNode(g))!;
        Assert.Equal(InvalidGenesis, err.Code);
        Assert.Contains("maci_format applies to MACI key sets only", err.Log);
    }

    private static readonly ProtoJson Json = new();

    /// <summary>Upstream's current MACI 2-1-1-5 keys (γ = δ), marked as the poll-id format.</summary>
    private static CircuitKeys PollIdKeys()
    {
        var k = DoraFixture.Keys("dora-maci", "2-1-1-5", RoundKind.Maci);
        k.MaciFormat = MaciFormat.PollId;
        return k;
    }

    private static MaciFixtureRound Fixture(AmaciScenario s) =>
        new(new AmaciRoundParties(s.Bech(s.Admin), s.Bech(MaciOperator), s.Bech(s.Voter0), s.Bech(s.Voter1), s.Bech(s.Anyone)),
            s.Chain.Keeper.GetFullParams(s.Chain.Ctx(ExecMode.Query)).DefaultFees, RoundsChain.Denom);

    private static (MaciFixtureRound, ulong) CreateRound(AmaciScenario s)
    {
        var fx = Fixture(s);
        s.Chain.RegisterOperator(MaciOperator, MaciFixtureRound.Coordinator);
        fx.RoundId = s.Chain.Ok<MsgCreateRoundResponse>(fx.CreateMsg(s.Start, s.End)).RoundId;
        return (fx, fx.RoundId);
    }

    /// <summary>The fixture's MACI round (quadratic, 5 options), both voters signed up, two 10-element messages, processing started.</summary>
    private static (MaciFixtureRound, ulong) CreateAndVote(AmaciScenario s)
    {
        var (fx, id) = CreateRound(s);
        s.Chain.Now = s.Start;
        for (var i = 0; i < 2; i++) s.Chain.Ok<MsgSignUpResponse>(fx.SignUp(i));
        for (var i = 0; i < 2; i++) s.Chain.Ok<MsgPublishMessageResponse>(Publish(fx, id, 10, i));
        s.Chain.Now = s.End;
        s.Chain.Ok<MsgStartProcessPeriodResponse>(fx.StartProcess());
        return (fx, id);
    }

    /// <summary>Message i: elements 100·(i+1) + j (the chain does not decrypt), a fresh encryption key.</summary>
    private static MsgPublishMessage Publish(MaciFixtureRound fx, ulong id, int length, int i)
    {
        var m = new MsgPublishMessage { Sender = fx.Parties.Anyone, RoundId = id };
        var msg = new Message();
        for (var j = 0; j < length; j++) msg.Data.Add($"{100 * (i + 1) + j}");
        m.Messages.Add(msg);
        m.EncPubKeys.Add(Tamper.Key(1000 + (ulong)i));
        return m;
    }

    /// <summary>h_{i+1} = H5(H5(m0..m4), H5(m5..m9), enc.x, enc.y, h_i) from h_0 = 0 over the two messages of <see cref="Publish"/>.</summary>
    private static Fr ExpectedChain()
    {
        var h = Fr.Zero;
        for (var i = 0; i < 2; i++)
        {
            var m = Enumerable.Range(0, 10).Select(j => Fr.FromUInt64((ulong)(100 * (i + 1) + j))).ToArray();
            var enc = BabyJubjubPoint.Multiply(BabyJubjubPoint.Base8, [1000 + (ulong)i, 0, 0, 0]);
            h = PoseidonHash.Hash5(PoseidonHash.Hash5(m[0], m[1], m[2], m[3], m[4]), PoseidonHash.Hash5(m[5], m[6], m[7], m[8], m[9]), enc.X, enc.Y, h);
        }
        return h;
    }

    /// <summary>SHA-256 over the 32-byte big-endian words, mod r.</summary>
    private static BigInteger Sha256Words(BigInteger[] words)
    {
        var bytes = new byte[32 * words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            var w = words[i].ToByteArray(isUnsigned: true, isBigEndian: true);
            w.CopyTo(bytes, 32 * i + 32 - w.Length);
        }
        return new BigInteger(SHA256.HashData(bytes), isUnsigned: true, isBigEndian: true) % R;
    }

    private static BigInteger[] With(BigInteger[] words, int index, BigInteger value)
    {
        var copy = (BigInteger[])words.Clone();
        copy[index] = value;
        return copy;
    }

    private static BigInteger Big(in Fr x) => BigInteger.Parse(x.ToString());

    private static CryptoKey Decode(Proto.Maci.Rounds.V1.VerifyingKey k) => CryptoKey.FromEvmHex(k.Alpha1, k.Beta2, k.Gamma2, k.Delta2, k.Ic);

    /// <summary>With γ = δ: A = α, B = β, C = −(IC0 + x·IC1) verifies for x.</summary>
    private static Groth16Proof Forge(CryptoKey vk, BigInteger x)
    {
        G1Jacobian.Multiply(vk.IC[1], Fr.Parse(x.ToString()), out var xIc1);
        G1Jacobian.AddMixed(xIc1, vk.IC[0], out var ic);
        G1Jacobian.Neg(ic, out var c);
        return new Groth16Proof { A = EvmEncoding.EncodeG1Hex(vk.Alpha1), B = EvmEncoding.EncodeG2Hex(vk.Beta2), C = EvmEncoding.EncodeG1Hex(c.ToAffine()) };
    }
}
