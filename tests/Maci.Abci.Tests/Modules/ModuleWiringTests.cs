using System.Text.Json.Nodes;
using Maci.Abci.App;
using Maci.Crypto.Amaci;
using Maci.Modules.Insurance.Types;
using Maci.Modules.Rounds.Types;
using Maci.Proto.Maci.Insurance.V1;
using Maci.Proto.Maci.Rounds.V1;
using ProtoCoin = Maci.Proto.Cosmos.Base.V1Beta1.Coin;
using InsurancePubKey = Maci.Proto.Maci.Insurance.V1.PubKey;

namespace Maci.Abci.Tests.Modules;

public sealed class ModuleWiringTests
{
    private const int Operator = 0, Admin = 1;
    private const ulong RoundBaseFee = 46_000_000, Deposit = 10_000_000, Premium = 100_000;

    private static MsgRegisterOperator Register(ModulesChain c, string deposit = "10000000")
    {
        var key = MaciKeypair.FromPrivateKey(111111).PublicKey;
        return new MsgRegisterOperator
        {
            Operator = c.Keys[Operator].Bech32, Moniker = "devnet operator",
            PubKey = new InsurancePubKey { X = key.X.ToString(), Y = key.Y.ToString() },
            Deposit = new ProtoCoin { Denom = "umaci", Amount = deposit },
            Terms = new InsuranceTerms { LossRatioNumerator = 1, LossRatioDenominator = 10, MinPremium = "1", MaxPremium = "1000000" },
        };
    }

    private static MsgCreateRound CreateRound(ModulesChain c)
    {
        var start = c.NextBlockTime + 1000;
        var m = new MsgCreateRound
        {
            Creator = c.Keys[Admin].Bech32, Kind = RoundKind.Amaci, Operator = c.Keys[Operator].Bech32,
            Info = new RoundText { Title = "wired", Description = "2-1-1-5 round through the app", Link = "" },
            VotingStart = start, VotingEnd = start + 3600, CircuitType = CircuitType.Quadratic,
            CircuitSize = new CircuitSize { StateTreeDepth = 2, IntStateTreeDepth = 1, VoteOptionTreeDepth = 1, MessageBatchSize = 5 },
            VoiceCreditMode = new VoiceCreditMode { UnifiedAmount = "100" },
            RegistrationMode = new RegistrationMode { StaticWhitelist = new StaticWhitelist() },
            DeactivateEnabled = true, Fee = new ProtoCoin { Denom = "umaci", Amount = RoundBaseFee.ToString() },
        };
        m.VoteOptions.AddRange(["a", "b", "c"]);
        m.RegistrationMode.StaticWhitelist.Users.Add(new WhitelistEntry { Address = c.Keys[2].Bech32 });
        m.RegistrationMode.StaticWhitelist.Users.Add(new WhitelistEntry { Address = c.Keys[3].Bech32 });
        return m;
    }

    private static MsgBuyInsurance Buy(ModulesChain c, ulong roundId) => new()
    {
        Buyer = c.Keys[Admin].Bech32, RoundId = roundId, Operator = c.Keys[Operator].Bech32,
        Premium = new ProtoCoin { Denom = "umaci", Amount = Premium.ToString() },
    };

    [Fact]
    public void Devnet_genesis_validates_and_inits_all_four_modules_in_order()
    {
        using var c = new ModulesChain();
        Assert.Null(c.App.ValidateGenesis(c.AppState));
        Assert.Equal(["auth", "bank", "insurance", "rounds"], c.App.Modules.Ordered.Select(m => m.Name));
        var state = ModulesChain.DevnetAppState();
        Assert.Equal("maci1am058pdux3hyulcmfgj4m3hhrlfn8nzm20tsfc", (string?)state["rounds"]!["params"]!["fee_recipient"]);
        var p = c.Harness.Query("/maci.rounds.v1.Query/Params", new Maci.Proto.Maci.Rounds.V1.QueryParamsRequest(),
            Maci.Proto.Maci.Rounds.V1.QueryParamsResponse.Parser).Params;
        Assert.Equal(5, p.Circuits.Count);
        Assert.Equal(["Amaci 2-1-1-5", "Amaci 9-4-3-125", "Maci 2-1-1-5", "Maci 4-2-2-25", "Maci 6-3-3-125"],
            p.Circuits.Select(k => $"{k.Kind} {k.Size.StateTreeDepth}-{k.Size.IntStateTreeDepth}-{k.Size.VoteOptionTreeDepth}-{k.Size.MessageBatchSize}"));
        Assert.Equal("maci1am058pdux3hyulcmfgj4m3hhrlfn8nzm20tsfc", p.FeeRecipient);
        var ip = c.Harness.Query("/maci.insurance.v1.Query/Params", new Maci.Proto.Maci.Insurance.V1.QueryParamsRequest(),
            Maci.Proto.Maci.Insurance.V1.QueryParamsResponse.Parser).Params;
        Assert.Equal("1000000", ip.MinDeposit);
        foreach (var module in new[] { "insurance", "rounds" })
        {
            var r = c.Harness.Query("/cosmos.auth.v1beta1.Query/ModuleAccountByName",
                new Maci.Proto.Cosmos.Auth.V1Beta1.QueryModuleAccountByNameRequest { Name = module });
            Assert.Equal(0u, r.Code);
        }
        Assert.Null(c.App.CheckInvariants());
    }

    [Fact]
    public void Genesis_with_an_invalid_module_section_is_refused()
    {
        using var c = new ModulesChain();
        var bad = ModulesChain.DevnetAppState();
        bad["insurance"]!["params"]!["voting_part_bps"] = 20_000;
        Assert.Equal(InsuranceErrors.InvalidGenesis, c.App.ValidateGenesis(bad.ToJsonString())!.Code);
        var badRounds = ModulesChain.DevnetAppState();
        badRounds["rounds"]!["next_round_id"] = "0";
        var err = c.App.ValidateGenesis(badRounds.ToJsonString())!;
        Assert.Equal(RoundsErrors.InvalidGenesis, err.Code);
        var unknown = ModulesChain.DevnetAppState();
        unknown["staking"] = new JsonObject();
        Assert.NotNull(c.App.ValidateGenesis(unknown.ToJsonString()));
    }

    [Fact]
    public void Operator_round_and_policy_run_in_real_blocks_and_are_queryable()
    {
        using var c = new ModulesChain();
        var moduleBalanceBefore = c.Harness.Balance(c.App.Modules.Codec.Encode(c.App.Modules.Accounts.ModuleAddress("insurance")));

        var reg = c.Run(Operator, Register(c));
        Assert.True(reg.Code == 0, reg.Log);
        var op = c.Harness.Query("/maci.insurance.v1.Query/Operator", new QueryOperatorRequest { Address = c.Keys[Operator].Bech32 },
            QueryOperatorResponse.Parser);
        Assert.Equal(MaciKeypair.FromPrivateKey(111111).PublicKey.X.ToString(), op.Operator.PubKey.X);
        Assert.Equal(Deposit.ToString(), op.Operator.Deposit);
        Assert.Equal(Deposit.ToString(), op.Available);

        var created = c.Run(Admin, CreateRound(c));
        Assert.True(created.Code == 0, created.Log);
        var roundId = Maci.Proto.Cosmos.Base.Abci.V1Beta1.TxMsgData.Parser.ParseFrom(created.Data).MsgResponses[0]
            .Unpack<MsgCreateRoundResponse>().RoundId;
        Assert.Equal(1ul, roundId);
        var round = c.Harness.Query("/maci.rounds.v1.Query/Round", new QueryRoundRequest { RoundId = roundId }, QueryRoundResponse.Parser);
        Assert.Equal(c.Keys[Operator].Bech32, round.Round.Operator);
        Assert.Equal(c.Keys[Admin].Bech32, round.Round.Admin);
        // The coordinator key comes from the insurance operator registry.
        Assert.Equal(op.Operator.PubKey.X, round.Round.Coordinator.X);
        Assert.Equal(op.Operator.PubKey.Y, round.Round.Coordinator.Y);
        Assert.Equal(RoundBaseFee, c.Harness.Balance(c.App.Modules.Codec.Encode(c.App.Modules.Accounts.ModuleAddress("rounds"))));

        var bought = c.Run(Admin, Buy(c, roundId));
        Assert.True(bought.Code == 0, bought.Log);
        var after = c.Harness.Query("/maci.insurance.v1.Query/Operator", new QueryOperatorRequest { Address = c.Keys[Operator].Bech32 },
            QueryOperatorResponse.Parser);
        Assert.Equal("1000000", after.Operator.Locked);
        Assert.Equal((Deposit - 1_000_000).ToString(), after.Available);
        Assert.Equal(moduleBalanceBefore + Deposit + Premium,
            c.Harness.Balance(c.App.Modules.Codec.Encode(c.App.Modules.Accounts.ModuleAddress("insurance"))));

        // A second policy for the same round is the insurance module's error, in its codespace.
        var twice = c.Run(Admin, Buy(c, roundId));
        Assert.Equal(InsuranceErrors.PolicyExists.Codespace, twice.Codespace);
        Assert.Equal(InsuranceErrors.PolicyExists.Code, twice.Code);
    }

    [Fact]
    public void Bad_module_messages_answer_with_the_module_codespace_and_code()
    {
        using var c = new ModulesChain();
        var small = c.Run(Operator, Register(c, deposit: "999999"));
        Assert.Equal("insurance", small.Codespace);
        Assert.Equal(InsuranceErrors.DepositTooSmall.Code, small.Code);

        // No operator registered: the round has no coordinator key.
        var noKey = c.Run(Admin, CreateRound(c));
        Assert.Equal("rounds", noKey.Codespace);
        Assert.Equal(RoundsErrors.NoCoordinatorKey.Code, noKey.Code);
        var missing = c.Harness.Query("/maci.rounds.v1.Query/Round", new QueryRoundRequest { RoundId = 1 });
        Assert.NotEqual(0u, missing.Code);
    }

    [Fact]
    public void A_deregistered_operator_no_longer_serves_rounds()
    {
        using var c = new ModulesChain();
        Assert.Equal(0u, c.Run(Operator, Register(c)).Code);
        var gone = c.Run(Operator, new MsgDeregisterOperator { Operator = c.Keys[Operator].Bech32 });
        Assert.True(gone.Code == 0, gone.Log);
        var refused = c.Run(Admin, CreateRound(c));
        Assert.Equal(RoundsErrors.NoCoordinatorKey.Codespace, refused.Codespace);
        Assert.Equal(RoundsErrors.NoCoordinatorKey.Code, refused.Code);

        // Registering again reactivates the record and its key.
        Assert.Equal(0u, c.Run(Operator, Register(c)).Code);
        var created = c.Run(Admin, CreateRound(c));
        Assert.True(created.Code == 0, created.Log);
    }

    [Fact]
    public void Genesis_export_imports_into_a_fresh_app_with_the_same_state()
    {
        // Operators, deposits, unbondings, params and next_round_id round-trip here. A whole-app export with an open round
        // is covered by tests/Maci.Abci.Tests/Export/AppExportTests.cs.
        using var c = new ModulesChain();
        Assert.Equal(0u, c.Run(Operator, Register(c)).Code);
        var withdraw = c.Run(Operator, new Maci.Proto.Maci.Insurance.V1.MsgWithdraw
        {
            Operator = c.Keys[Operator].Bech32, Amount = new ProtoCoin { Denom = "umaci", Amount = "500000" },
        });
        Assert.True(withdraw.Code == 0, withdraw.Log);

        var exported = c.App.ExportGenesis();
        Assert.Single(exported["insurance"]!["operators"]!.AsArray());
        Assert.Single(exported["insurance"]!["unbondings"]!.AsArray());
        using var copy = new ModulesChain(exported.ToJsonString());
        Assert.Null(copy.App.ValidateGenesis(exported.ToJsonString()));
        Assert.Null(copy.App.CheckInvariants());
        Assert.Equal(exported.ToJsonString(), copy.App.ExportGenesis().ToJsonString());
        var op = copy.Harness.Query("/maci.insurance.v1.Query/Operator", new QueryOperatorRequest { Address = c.Keys[Operator].Bech32 },
            QueryOperatorResponse.Parser);
        Assert.Equal(Deposit.ToString(), op.Operator.Deposit);
        Assert.Equal((Deposit - 500_000).ToString(), op.Available);

        // The imported operator serves rounds in the new chain.
        var created = copy.Run(Admin, CreateRound(copy));
        Assert.True(created.Code == 0, created.Log);
    }
}
