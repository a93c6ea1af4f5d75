using System.Text.Json.Nodes;
using Google.Protobuf;
using Maci.Modules.Rounds.Types;
using Maci.Proto.Maci.Rounds.V1;
using Maci.Rounds.Tests.Support;
using Maci.Sdk;
using Maci.Sdk.Assets;
using Maci.Sdk.Json;

namespace Maci.Rounds.Tests;

/// <summary>Exporting a chain with an open round and importing it into a fresh chain (genesis format 1).</summary>
public sealed class RoundsGenesisExportTests
{
    private const int BeforeProcessing = 9;
    private static readonly ProtoJson Json = new();

    [Fact]
    public void A_round_exported_before_processing_imports_and_finishes_with_the_fixture_results()
    {
        using var s = new AmaciScenario();
        s.Create();
        s.RunSteps(0, BeforeProcessing);
        var exported = s.Chain.Module.ExportGenesis(s.Chain.Ctx(ExecMode.Query));
        var escrow = s.Chain.ModuleBalance;
        // Base fee, three sign-ups, two deactivate messages and three messages.
        Assert.Equal((UInt128)(AmaciScenario.BaseFee + 3 * AmaciScenario.SignupFee + 2 * AmaciScenario.DeactivateFee + 3 * AmaciScenario.MessageFee), escrow);
        var g = Json.Parse(exported, GenesisState.Parser);
        Assert.Equal(1u, g.RoundsFormat);
        Assert.Equal(2UL, g.NextRoundId);
        Assert.Equal(1UL, Assert.Single(g.Rounds).RoundId);

        using var t = new AmaciScenario();
        var module = t.Chain.Module;
        var node = JsonNode.Parse(exported.ToJsonString())!;
        Assert.Null(module.ValidateGenesis(node));
        module.InitGenesis(t.Chain.Ctx(ExecMode.Genesis), node);
        var escrowBacked = module.Invariants.Single(i => i.Name == "escrow-backed");
        Assert.Contains("module account holds 0", escrowBacked.Check(t.Chain.Ctx(ExecMode.Query)));
        // What the bank genesis would restore: the module account's balance.
        t.Chain.Bank.MintCoins(t.Chain.Ctx(ExecMode.Genesis), Keys.ModuleAccountName, Coins.Of(new Coin(RoundsChain.Denom, escrow)));
        t.Chain.AssertInvariants();

        Assert.Equal(RoundsDump(s.Chain), RoundsDump(t.Chain));
        var reexported = module.ExportGenesis(t.Chain.Ctx(ExecMode.Query));
        Assert.True(JsonNode.DeepEquals(exported, reexported));
        Assert.Equal(exported.ToJsonString(), reexported.ToJsonString());

        t.UseRound(1);
        t.RunSteps(BeforeProcessing);
        var st = t.Chain.State(1);
        Assert.Equal(Period.Ended, st.Period);
        Assert.Equal(3UL, st.ProcessedMsgCount);
        var results = t.Chain.Keeper.GetResults(t.Chain.Ctx(ExecMode.Query), 1)!;
        Assert.Equal(["0", "0", "6000000000000000000000036", "0", "0"], results.Results);
        Assert.Equal("6000000000000000000000036", results.Total);
        t.Chain.AssertInvariants();
        t.Chain.Ok<MsgClaimResponse>(t.Claim());
        Assert.Equal(UInt128.Zero, t.Chain.ModuleBalance);
        t.Chain.AssertInvariants();

        // The source chain finishes the same way: both end with identical rounds state.
        s.RunSteps(BeforeProcessing);
        s.Chain.Ok<MsgClaimResponse>(s.Claim());
        Assert.Equal(RoundsDump(s.Chain), RoundsDump(t.Chain));
    }

    [Fact]
    public void Entries_of_an_unknown_round_are_refused()
    {
        var g = Exported();
        g.Rounds[0].RoundId = 7;
        Assert.Contains("round 7: id must be in [1, next_round_id 2)", Refused(g));

        g = Exported();
        var entries = g.Rounds[0].Entries;
        var i = IndexOf(entries, Keys.NullifierPrefix);
        var key = entries[i].Key.ToByteArray();
        key[8] = 7;
        entries.Insert(i + 1, new StoreEntry { Key = ByteString.CopyFrom(key), Value = entries[i].Value });
        Assert.Contains("(nullifiers) belongs to round 7, not to round 1", Refused(g));

        g = Exported();
        g.Rounds.Add(new RoundExport { RoundId = 1 });
        Assert.Contains("listed once each", Refused(g));
    }

    [Fact]
    public void A_duplicated_nullifier_is_refused()
    {
        var g = Exported();
        var entries = g.Rounds[0].Entries;
        var i = IndexOf(entries, Keys.NullifierPrefix);
        entries.Insert(i, entries[i].Clone());
        Assert.Contains("duplicated nullifiers key", Refused(g));
    }

    [Fact]
    public void Malformed_values_keys_and_counts_are_refused()
    {
        var g = Exported();
        var node = g.Rounds[0].Entries[IndexOf(g.Rounds[0].Entries, Keys.StateNodePrefix)];
        node.Value = ByteString.CopyFrom(node.Value.Span[..31]);
        Assert.Contains("(state_tree_nodes): value must be a 32-byte field element", Refused(g));

        g = Exported();
        g.Rounds[0].Entries[IndexOf(g.Rounds[0].Entries, Keys.RoundStatePrefix)].Value = ByteString.CopyFrom(0xFF);
        Assert.Contains("(round_states): value is not a valid protobuf message", Refused(g));

        g = Exported();
        var field = g.Rounds[0].Entries[IndexOf(g.Rounds[0].Entries, Keys.MsgHashPrefix)];
        field.Value = ByteString.CopyFrom(Enumerable.Repeat((byte)0xFF, 32).ToArray());
        Assert.Contains("below the modulus", Refused(g));

        g = Exported();
        var chain = g.Rounds[0].Entries;
        chain.RemoveAt(IndexOf(chain, Keys.MsgHashPrefix) + 2);
        Assert.Contains("2 msg_hashes for a message chain of length 3", Refused(g));

        g = Exported();
        var k = g.Rounds[0].Entries[IndexOf(g.Rounds[0].Entries, Keys.NullifierPrefix)];
        k.Key = ByteString.CopyFrom(k.Key.Span[..40]);
        Assert.Contains("nullifiers key must be 41 bytes, got 40", Refused(g));

        g = Exported();
        g.Rounds[0].Entries.RemoveAt(IndexOf(g.Rounds[0].Entries, Keys.RoundPrefix));
        Assert.Contains("round configuration (rounds table) is missing", Refused(g));

        g = Exported();
        var signUp = g.Rounds[0].Entries[IndexOf(g.Rounds[0].Entries, Keys.SignUpPrefix)];
        signUp.Value = ByteString.CopyFrom(Keys.U64(3));
        Assert.Contains("sign-up index 3 is not below num_sign_ups 3", Refused(g));

        g = Exported();
        var root = g.Rounds[0].Entries.Last(e => e.Key[0] == Keys.StateNodePrefix);
        var far = root.Key.ToByteArray();
        Assert.Equal(2, far[9]); // the root of the depth-2 tree sorts last among the nodes
        far[^1] = 1;
        root.Key = ByteString.CopyFrom(far);
        Assert.Contains("state tree node 1 at level 2 is outside the tree (width 1)", Refused(g));

        g = Exported();
        g.RoundsFormat = 2;
        Assert.Contains("rounds_format 2 is not supported", Refused(g));

        var bad = JsonNode.Parse(Json.ToNode(Exported()).ToJsonString())!;
        bad["rounds"]![0]!["entries"]![0]!["value"] = "not base64!";
        using var t = new AmaciScenario();
        Assert.Equal(RoundsErrors.InvalidGenesis, t.Chain.Module.ValidateGenesis(bad)!.Code);
    }

    [Fact]
    public void A_round_without_its_pinned_keys_is_refused_in_genesis()
    {
        var g = Exported();
        g.Rounds[0].Entries.RemoveAt(g.Rounds[0].Entries.Count - 1);
        Assert.Contains("the key set the round pins (pinned_keys) is missing", Refused(g));

        g = Exported();
        g.Rounds[0].Entries.RemoveAt(g.Rounds[0].Entries.Count - 2);
        Assert.Contains("the pinned circuit keys (round_keys) are missing", Refused(g));

        g = Exported();
        var set = g.Rounds[0].Entries[^1];
        var keys = CircuitKeys.Parser.ParseFrom(set.Value);
        keys.Tally = keys.Process.Clone();
        set.Value = keys.ToByteString();
        Assert.Contains("does not hash to its key", Refused(g));

        g = Exported();
        var pin = g.Rounds[0].Entries[^2];
        var other = pin.Value.ToByteArray();
        other[0] ^= 1;
        pin.Value = ByteString.CopyFrom(other);
        Assert.Contains("is not the key set the round pins", Refused(g));

        g = Exported();
        pin = g.Rounds[0].Entries[^2];
        pin.Value = ByteString.CopyFrom(pin.Value.Span[..31]);
        Assert.Contains("(round_keys): value must be a 32-byte SHA-256", Refused(g));

        // A key set of another size, correctly addressed, is still not this round's.
        g = Exported();
        var wrongSize = DoraFixture.Keys("dora-amaci", "9-4-3-125", RoundKind.Amaci).ToByteArray();
        var hash = System.Security.Cryptography.SHA256.HashData(wrongSize);
        g.Rounds[0].Entries[^2].Value = ByteString.CopyFrom(hash);
        g.Rounds[0].Entries[^1] = new StoreEntry { Key = ByteString.CopyFrom(Keys.PinnedKeys(hash)), Value = ByteString.CopyFrom(wrongSize) };
        Assert.Contains("the pinned keys are for Amaci 9-4-3-125, the round is Amaci 2-1-1-5", Refused(g));
    }

    [Fact]
    public void Init_refuses_a_bad_genesis_before_writing()
    {
        var g = Exported();
        g.Rounds[0].RoundId = 9;
        using var t = new AmaciScenario();
        var before = t.Chain.Dump();
        var e = Assert.Throws<InvalidOperationException>(() => t.Chain.Module.InitGenesis(t.Chain.Ctx(ExecMode.Genesis), Json.ToNode(g)));
        Assert.Contains("round 9", e.Message);
        Assert.Equal(before, t.Chain.Dump());
    }

    private static GenesisState Exported()
    {
        using var s = new AmaciScenario();
        s.Create();
        s.RunSteps(0, BeforeProcessing);
        return Json.Parse(s.Chain.Module.ExportGenesis(s.Chain.Ctx(ExecMode.Query)), GenesisState.Parser);
    }

    private static string Refused(GenesisState g)
    {
        using var t = new AmaciScenario();
        var err = t.Chain.Module.ValidateGenesis(Json.ToNode(g));
        Assert.NotNull(err);
        Assert.Equal(RoundsErrors.InvalidGenesis, err!.Code);
        return err.Log;
    }

    private static int IndexOf(IList<StoreEntry> entries, byte prefix)
    {
        for (var i = 0; i < entries.Count; i++)
            if (entries[i].Key[0] == prefix) return i;
        throw new InvalidOperationException($"no entry with prefix {prefix:X2}");
    }

    private static List<string> RoundsDump(RoundsChain chain) => [.. chain.Dump().Where(l => l.StartsWith("rounds:", StringComparison.Ordinal))];
}
