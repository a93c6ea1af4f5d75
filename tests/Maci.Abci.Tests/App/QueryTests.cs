using Google.Protobuf;
using Maci.Abci.Tests.App.Support;
using Maci.Proto.Cosmos.Auth.V1Beta1;
using Maci.Proto.Cosmos.Bank.V1Beta1;
using Maci.Proto.Cosmos.Base.Query.V1Beta1;
using Maci.Proto.Cosmos.Tx.V1Beta1;
using Maci.Proto.Tendermint.Abci;

namespace Maci.Abci.Tests.App;

public sealed class QueryTests : IDisposable
{
    private static readonly TestAccount Alice = TestAccount.FromSeed("alice");
    private static readonly TestAccount Bob = TestAccount.FromSeed("bob");
    private static readonly TestAccount Nobody = TestAccount.FromSeed("nobody");
    private readonly AppHarness _h = new([Alice, Bob]);

    public void Dispose() => _h.Dispose();

    [Fact]
    public void Info_reports_the_last_committed_height_and_app_hash()
    {
        var info = _h.App.InfoAsync(new RequestInfo(), default).AsTask().Result;
        Assert.Equal(1, info.LastBlockHeight);
        Assert.Equal(_h.App.LastCommitted.AppHash, info.LastBlockAppHash.ToByteArray());
        Assert.Equal(32, info.LastBlockAppHash.Length);
    }

    [Fact]
    public void Account_query_returns_a_base_account_any()
    {
        var r = _h.Query("/cosmos.auth.v1beta1.Query/Account", new QueryAccountRequest { Address = Bob.Bech32 });
        Assert.Equal(0u, r.Code);
        Assert.Equal(1, r.Height);
        var any = QueryAccountResponse.Parser.ParseFrom(r.Value).Account;
        Assert.Equal("/cosmos.auth.v1beta1.BaseAccount", any.TypeUrl);
        var acc = BaseAccount.Parser.ParseFrom(any.Value);
        Assert.Equal(Bob.Bech32, acc.Address);
        Assert.Equal(1ul, acc.AccountNumber);
        Assert.Null(acc.PubKey);
    }

    [Fact]
    public void Missing_account_follows_the_cosmjs_not_found_convention()
    {
        var r = _h.Query("/cosmos.auth.v1beta1.Query/Account", new QueryAccountRequest { Address = Nobody.Bech32 });
        Assert.Equal(22u, r.Code);
        Assert.Equal("sdk", r.Codespace);
        Assert.Equal($"rpc error: code = NotFound desc = account {Nobody.Bech32} not found: key not found", r.Log);
        Assert.Equal(1, r.Height);
    }

    [Fact]
    public void Balance_is_always_a_coin_even_when_zero()
    {
        var b = _h.Query("/cosmos.bank.v1beta1.Query/Balance", new QueryBalanceRequest { Address = Nobody.Bech32, Denom = "umaci" }, QueryBalanceResponse.Parser);
        Assert.Equal("umaci", b.Balance.Denom);
        Assert.Equal("0", b.Balance.Amount);
        Assert.Equal(AppHarness.StartBalance, _h.Balance(Alice.Bech32));
        var bad = _h.Query("/cosmos.bank.v1beta1.Query/Balance", new QueryBalanceRequest { Address = "cosmos1xyz", Denom = "umaci" });
        Assert.Equal(18u, bad.Code);
    }

    [Fact]
    public void All_balances_and_total_supply_paginate()
    {
        var all = _h.Query("/cosmos.bank.v1beta1.Query/AllBalances", new QueryAllBalancesRequest { Address = Alice.Bech32 }, QueryAllBalancesResponse.Parser);
        Assert.Equal("umaci", Assert.Single(all.Balances).Denom);
        Assert.Equal(2 * AppHarness.StartBalance, _h.TotalSupply());
        var page = _h.Query("/cosmos.bank.v1beta1.Query/TotalSupply",
            new QueryTotalSupplyRequest { Pagination = new PageRequest { Limit = 1, CountTotal = true } }, QueryTotalSupplyResponse.Parser);
        Assert.Single(page.Supply);
        Assert.Equal(1ul, page.Pagination.Total);
        Assert.True(page.Pagination.NextKey.IsEmpty);
    }

    [Fact]
    public void Params_queries_answer_the_genesis_params()
    {
        var auth = _h.Query("/cosmos.auth.v1beta1.Query/Params", new Proto.Cosmos.Auth.V1Beta1.QueryParamsRequest(), Proto.Cosmos.Auth.V1Beta1.QueryParamsResponse.Parser);
        Assert.Equal(256ul, auth.Params.MaxMemoCharacters);
        var bank = _h.Query("/cosmos.bank.v1beta1.Query/Params", new Proto.Cosmos.Bank.V1Beta1.QueryParamsRequest(), Proto.Cosmos.Bank.V1Beta1.QueryParamsResponse.Parser);
        Assert.True(bank.Params.DefaultSendEnabled);
    }

    [Fact]
    public void Unknown_path_is_code_6_and_future_height_is_code_26()
    {
        var r = _h.Query("/cosmos.staking.v1beta1.Query/Validators", new QueryAccountRequest());
        Assert.Equal(6u, r.Code);
        Assert.Contains("unknown query path", r.Log);
        Assert.Equal(1, r.Height);
        Assert.Equal(26u, _h.Query("/cosmos.auth.v1beta1.Query/Params", new Proto.Cosmos.Auth.V1Beta1.QueryParamsRequest(), height: 5).Code);
        Assert.Equal(0u, _h.Query("/cosmos.auth.v1beta1.Query/Params", new Proto.Cosmos.Auth.V1Beta1.QueryParamsRequest(), height: 1).Code);
    }

    [Fact]
    public void Undecodable_request_is_code_18()
    {
        var r = _h.App.QueryAsync(new RequestQuery { Path = "/cosmos.bank.v1beta1.Query/Balance", Data = ByteString.CopyFrom([0xff, 0xff]) }, default).AsTask().Result;
        Assert.Equal(18u, r.Code);
    }

    [Fact]
    public void Simulate_measures_gas_without_signature_or_fee_and_the_estimate_suffices()
    {
        var tx = new SignedTx { Signer = Alice, Messages = [SignedTx.Send(Alice, Bob.Bech32, 77)] };
        var r = _h.Query("/cosmos.tx.v1beta1.Service/Simulate", new SimulateRequest { TxBytes = ByteString.CopyFrom(tx.SimulationBytes()) });
        Assert.Equal(0u, r.Code);
        var sim = SimulateResponse.Parser.ParseFrom(r.Value);
        Assert.InRange(sim.GasInfo.GasUsed, 10_000ul, 200_000ul);
        Assert.Equal("/cosmos.bank.v1beta1.MsgSendResponse", Assert.Single(sim.Result.MsgResponses).TypeUrl);
        Assert.Contains(sim.Result.Events, e => e.Type == "transfer");
        Assert.Equal(AppHarness.StartBalance, _h.Balance(Alice.Bech32)); // nothing kept
        Assert.Equal(0ul, _h.Sequence(Alice));

        var gas = (ulong)Math.Ceiling(sim.GasInfo.GasUsed * 1.4);
        var real = tx with { GasLimit = gas, FeeAmount = (gas * 25 + 9999) / 10_000 };
        var result = _h.Block(real.Bytes()).TxResults[0];
        Assert.Equal(0u, result.Code);
        Assert.InRange((ulong)result.GasUsed, sim.GasInfo.GasUsed, gas);
    }

    [Fact]
    public void Simulate_reports_message_failures()
    {
        var tx = new SignedTx { Signer = Alice, Messages = [SignedTx.Send(Alice, Bob.Bech32, AppHarness.StartBalance * 3)] };
        var r = _h.Query("/cosmos.tx.v1beta1.Service/Simulate", new SimulateRequest { TxBytes = ByteString.CopyFrom(tx.SimulationBytes()) });
        Assert.Equal(5u, r.Code);
        Assert.Contains("insufficient funds", r.Log);
    }
}
