using System.Text.Json.Nodes;
using Maci.Insurance.Tests.Support;
using Maci.Modules.Insurance.Types;
using Maci.Proto.Maci.Insurance.V1;
using Maci.Sdk;

namespace Maci.Insurance.Tests;

public class GenesisTests : IDisposable
{
    private readonly InsuranceChain _chain = new();
    private readonly byte[] _op = InsuranceChain.Address("operator");
    private readonly byte[] _owner = InsuranceChain.Address("owner");

    public void Dispose() => _chain.Dispose();

    /// <summary>An operator with free, locked and unbonding funds, an active policy with pending deactivations, a settled one.</summary>
    private JsonNode Populated()
    {
        _chain.Fund(_op, 20_000);
        _chain.Fund(_owner, 5_000);
        _chain.Ok(_chain.Register(_op, 3, 10_000));
        var r1 = _chain.AddRound(1, _owner, _op);
        _chain.AddRound(2, _owner, _op);
        _chain.Ok(_chain.Buy(_owner, 1, _op, 300));
        _chain.Ok(_chain.Buy(_owner, 2, _op, 200));
        _chain.Ok(new MsgWithdraw { Operator = _chain.Bech(_op), Amount = InsuranceChain.C(1_000) });
        _chain.Now = r1.VotingStart;
        Assert.Null(_chain.Hooks.Published(1, 4));
        Assert.Null(_chain.Hooks.Published(2, 1));
        _chain.Now = r1.VotingStart + 700;
        Assert.Null(_chain.Hooks.Processed(2, 1));
        Assert.Null(_chain.Hooks.Ended(2));
        _chain.AssertInvariants();
        return _chain.Module.ExportGenesis(_chain.Ctx(ExecMode.Query));
    }

    [Fact]
    public void Default_genesis_is_valid_and_round_trips()
    {
        var g = _chain.Module.DefaultGenesis();
        Assert.Null(_chain.Module.ValidateGenesis(g));
        using var fresh = new InsuranceChain();
        fresh.Module.InitGenesis(fresh.Ctx(ExecMode.Genesis), g);
        Assert.Equal(g.ToJsonString(), fresh.Module.ExportGenesis(fresh.Ctx(ExecMode.Query)).ToJsonString());
        fresh.AssertInvariants();
    }

    [Fact]
    public void Export_validates_and_imports_into_a_fresh_chain_unchanged()
    {
        var exported = Populated();
        Assert.Null(_chain.Module.ValidateGenesis(exported));
        Assert.Single(exported["operators"]!.AsArray());
        Assert.Equal(2, exported["policies"]!.AsArray().Count);
        Assert.Single(exported["deactivate_batches"]!.AsArray());
        Assert.Single(exported["unbondings"]!.AsArray());

        using var fresh = new InsuranceChain();
        fresh.Module.InitGenesis(fresh.Ctx(ExecMode.Genesis), exported);
        var again = fresh.Module.ExportGenesis(fresh.Ctx(ExecMode.Query));
        Assert.Equal(exported.ToJsonString(), again.ToJsonString());
        // The imported key index works.
        var byKey = fresh.Keeper.GetOperatorAddressByKey(fresh.Ctx(), CoordinatorKey.FromStored(InsuranceChain.Key(3), "test"));
        Assert.Equal(_op, byKey);
        var ctx = fresh.Ctx(ExecMode.Query);
        Assert.Null(fresh.Module.Invariants.Single(i => i.Name == "locks-within-deposits").Check(ctx));
        Assert.Null(fresh.Module.Invariants.Single(i => i.Name == "policies").Check(ctx));
        Assert.Null(fresh.Module.Invariants.Single(i => i.Name == "pubkey-index").Check(ctx));
        // Without the bank genesis the module account is empty, and the invariant says so.
        Assert.Contains("module account holds 0umaci", fresh.Module.Invariants.Single(i => i.Name == "module-account").Check(ctx));
    }

    private void AssertInvalid(JsonNode genesis, string expected)
    {
        var err = _chain.Module.ValidateGenesis(genesis);
        Assert.NotNull(err);
        Assert.Equal(InsuranceErrors.InvalidGenesis, err.Code);
        Assert.Contains(expected, err.Log);
        Assert.Throws<InvalidOperationException>(() => _chain.Module.InitGenesis(_chain.Ctx(ExecMode.Genesis), genesis));
    }

    [Fact]
    public void Inconsistent_genesis_sections_are_refused_with_clear_reasons()
    {
        var g = Populated();
        var dup = g.DeepClone();
        dup["operators"]!.AsArray().Add(dup["operators"]![0]!.DeepClone());
        AssertInvalid(dup, "duplicate operator");

        var locked = g.DeepClone();
        locked["operators"]![0]!["locked"] = "1";
        AssertInvalid(locked, "!= coverage of its active policies");

        var unbonding = g.DeepClone();
        unbonding["unbondings"]![0]!["amount"] = "999";
        AssertInvalid(unbonding, "!= its queue entries");

        var orphan = g.DeepClone();
        orphan["deactivate_batches"]![0]!["round_id"] = "2";
        AssertInvalid(orphan, "has no active policy");

        var key = g.DeepClone();
        key["operators"]![0]!["pub_key"]!["x"] = "1";
        AssertInvalid(key, "not on the Baby Jubjub curve");

        var parts = g.DeepClone();
        parts["policies"]![0]!["voting_part"] = "1";
        AssertInvalid(parts, "voting_part + tally_part != coverage");

        var p = g.DeepClone();
        p["params"]!["voting_part_bps"] = 10_001;
        AssertInvalid(p, "voting_part_bps");

        var unknown = g.DeepClone();
        unknown["surprise"] = 1;
        AssertInvalid(unknown, "insurance genesis");
    }
}
