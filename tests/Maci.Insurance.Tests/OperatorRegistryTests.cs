using Maci.Crypto.BabyJubjub;
using Maci.Insurance.Tests.Support;
using Maci.Modules.Insurance.Types;
using Maci.Proto.Maci.Insurance.V1;

namespace Maci.Insurance.Tests;

public class OperatorRegistryTests : IDisposable
{
    private readonly InsuranceChain _chain = new();
    private readonly byte[] _op = InsuranceChain.Address("operator");
    private readonly byte[] _op2 = InsuranceChain.Address("operator-2");

    public OperatorRegistryTests()
    {
        _chain.Fund(_op, 50_000);
        _chain.Fund(_op2, 50_000);
    }

    public void Dispose() => _chain.Dispose();

    [Fact]
    public void Registration_stores_the_operator_moves_the_deposit_and_indexes_the_key()
    {
        var msg = _chain.Register(_op, 3, 2_000);
        msg.Moniker = "Dora Ops";
        msg.Identity = "0123456789ABCDEF";
        _chain.Ok(msg);
        var op = _chain.Operator(_op);
        Assert.Equal("Dora Ops", op.Moniker);
        Assert.Equal("0123456789ABCDEF", op.Identity);
        Assert.Equal("2000", op.Deposit);
        Assert.Equal(OperatorStatus.Active, op.Status);
        Assert.Equal(InsuranceChain.Key(3), op.PubKey);
        Assert.Equal((UInt128)48_000, _chain.Balance(_op));
        Assert.Equal((UInt128)2_000, _chain.ModuleBalance);
        var ev = Assert.Single(_chain.LastEvents, e => e.Type == InsuranceEvents.TypeOperatorRegistered);
        Assert.Equal(_chain.Bech(_op), ev.Get(InsuranceEvents.KeyOperator));
        Assert.Equal("2000umaci", ev.Get(InsuranceEvents.KeyDeposit));
        _chain.AssertInvariants();
    }

    [Fact]
    public void A_deposit_below_min_deposit_is_refused()
    {
        _chain.Fails(_chain.Register(_op, 3, 999), InsuranceErrors.DepositTooSmall);
        _chain.Ok(_chain.Register(_op, 3, 1_000));
    }

    [Fact]
    public void Keys_must_be_unique_across_operators_and_registration_only_once()
    {
        _chain.Ok(_chain.Register(_op, 3, 1_000));
        _chain.Fails(_chain.Register(_op2, 3, 1_000), InsuranceErrors.DuplicatePubKey);
        _chain.Fails(_chain.Register(_op, 4, 1_000), InsuranceErrors.OperatorExists);
    }

    [Fact]
    public void Invalid_keys_are_refused_with_a_clear_reason()
    {
        var offCurve = _chain.Register(_op, 3, 1_000);
        offCurve.PubKey = new PubKey { X = "1", Y = "2" };
        Assert.Contains("not on the Baby Jubjub curve", _chain.Fails(offCurve, InsuranceErrors.InvalidPubKey).Log);

        var identity = _chain.Register(_op, 3, 1_000);
        identity.PubKey = new PubKey { X = "0", Y = "1" };
        Assert.Contains("identity", _chain.Fails(identity, InsuranceErrors.InvalidPubKey).Log);

        var g = BabyJubjubPoint.Generator; // order 8l: on the curve, outside the prime subgroup
        var outside = _chain.Register(_op, 3, 1_000);
        outside.PubKey = new PubKey { X = g.X.ToString(), Y = g.Y.ToString() };
        Assert.Contains("prime-order subgroup", _chain.Fails(outside, InsuranceErrors.InvalidPubKey).Log);

        var tooBig = _chain.Register(_op, 3, 1_000);
        tooBig.PubKey = new PubKey { X = Maci.Crypto.Bn254.Fr.Modulus.ToString(), Y = "1" };
        _chain.Fails(tooBig, InsuranceErrors.InvalidPubKey);

        var missing = _chain.Register(_op, 3, 1_000);
        missing.PubKey = null;
        _chain.Fails(missing, InsuranceErrors.InvalidPubKey);
    }

    [Fact]
    public void Bad_metadata_and_terms_are_refused()
    {
        var m1 = _chain.Register(_op, 3, 1_000); m1.Moniker = "";
        _chain.Fails(m1, InsuranceErrors.InvalidMetadata);
        var m2 = _chain.Register(_op, 3, 1_000); m2.Identity = "abc";
        _chain.Fails(m2, InsuranceErrors.InvalidMetadata);
        var m3 = _chain.Register(_op, 3, 1_000); m3.Moniker = new string('x', 71);
        _chain.Fails(m3, InsuranceErrors.InvalidMetadata);
        _chain.Fails(_chain.Register(_op, 3, 1_000, InsuranceChain.Terms(0, 10, 1, 5)), InsuranceErrors.InvalidTerms);
        _chain.Fails(_chain.Register(_op, 3, 1_000, InsuranceChain.Terms(1, 0, 1, 5)), InsuranceErrors.InvalidTerms);
        _chain.Fails(_chain.Register(_op, 3, 1_000, InsuranceChain.Terms(11, 10, 1, 5)), InsuranceErrors.InvalidTerms);
        _chain.Fails(_chain.Register(_op, 3, 1_000, InsuranceChain.Terms(1, 10, 6, 5)), InsuranceErrors.InvalidTerms);
        _chain.Fails(_chain.Register(_op, 3, 1_000, InsuranceChain.Terms(1, 10, 0, 0)), InsuranceErrors.InvalidTerms);
    }

    [Fact]
    public void Update_changes_only_the_given_fields_and_rotates_a_key_when_no_round_is_open()
    {
        _chain.Ok(_chain.Register(_op, 3, 1_000));
        _chain.Ok(new MsgUpdateOperator { Operator = _chain.Bech(_op), Website = "https://new.example" });
        var op = _chain.Operator(_op);
        Assert.Equal("op", op.Moniker);
        Assert.Equal("https://new.example", op.Website);
        Assert.Equal(InsuranceChain.Key(3), op.PubKey);

        _chain.Ok(new MsgUpdateOperator { Operator = _chain.Bech(_op), PubKey = InsuranceChain.Key(4), Terms = InsuranceChain.Terms(1, 4, 2, 9) });
        op = _chain.Operator(_op);
        Assert.Equal(InsuranceChain.Key(4), op.PubKey);
        Assert.Equal(4UL, op.Terms.LossRatioDenominator);
        Assert.Equal("true", Assert.Single(_chain.LastEvents, e => e.Type == InsuranceEvents.TypeOperatorUpdated).Get(InsuranceEvents.KeyKeyRotated));
        // The old key is free again, the new one taken.
        _chain.Fails(_chain.Register(_op2, 4, 1_000), InsuranceErrors.DuplicatePubKey);
        _chain.Ok(_chain.Register(_op2, 3, 1_000));
        _chain.AssertInvariants();
    }

    [Fact]
    public void Key_rotation_is_refused_while_the_operator_coordinates_an_open_round_even_uninsured()
    {
        _chain.Ok(_chain.Register(_op, 3, 1_000));
        _chain.AddRound(1, InsuranceChain.Address("owner"), _op);
        _chain.Fails(new MsgUpdateOperator { Operator = _chain.Bech(_op), PubKey = InsuranceChain.Key(4) }, InsuranceErrors.ServingOpenRound);
        _chain.Rounds.Update(1, r => r with { Status = RoundStatus.Ended });
        _chain.Ok(new MsgUpdateOperator { Operator = _chain.Bech(_op), PubKey = InsuranceChain.Key(4) });
    }

    [Fact]
    public void Deregistration_unbonds_the_whole_deposit_releases_the_key_and_allows_re_registration()
    {
        _chain.Ok(_chain.Register(_op, 3, 1_500));
        var resp = (MsgDeregisterOperatorResponse)_chain.Ok(new MsgDeregisterOperator { Operator = _chain.Bech(_op) });
        Assert.Equal("1500", resp.Unbonding.Amount);
        Assert.Equal(_chain.Now + 100, resp.CompletionTime);
        var ev = Assert.Single(_chain.LastEvents, e => e.Type == InsuranceEvents.TypeOperatorDeregistered);
        Assert.Equal("1500umaci", ev.Get(InsuranceEvents.KeyAmount));
        var op = _chain.Operator(_op);
        Assert.Equal(OperatorStatus.Deregistered, op.Status);
        Assert.Equal("1500", op.Unbonding);
        _chain.AssertInvariants();
        // Deregistered operators cannot be bought from, deposit to, or deregister again.
        _chain.Fails(new MsgDeposit { Operator = _chain.Bech(_op), Amount = InsuranceChain.C(10) }, InsuranceErrors.OperatorInactive);
        _chain.Fails(new MsgDeregisterOperator { Operator = _chain.Bech(_op) }, InsuranceErrors.OperatorInactive);
        var owner = InsuranceChain.Address("owner");
        _chain.Fund(owner, 1_000);
        _chain.AddRound(1, owner, _op);
        _chain.Fails(_chain.Buy(owner, 1, _op, 10), InsuranceErrors.OperatorInactive);
        // The key is free for someone else.
        _chain.Ok(_chain.Register(_op2, 3, 1_000));
        // After the unbonding period the funds come back.
        _chain.Now += 100;
        _chain.EndBlock();
        Assert.Equal((UInt128)50_000, _chain.Balance(_op));
        Assert.Equal("0", _chain.Operator(_op).Deposit);
        // Re-registration reactivates the record with a fresh key.
        _chain.Ok(_chain.Register(_op, 5, 1_000));
        Assert.Equal(OperatorStatus.Active, _chain.Operator(_op).Status);
        _chain.AssertInvariants();
    }
}
