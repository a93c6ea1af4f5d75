using Maci.Abci.Tests.App.Support;
using Maci.Proto.Cosmos.Bank.V1Beta1;
using Maci.Proto.Cosmos.Base.Abci.V1Beta1;
using ProtoCoin = Maci.Proto.Cosmos.Base.V1Beta1.Coin;

namespace Maci.Abci.Tests.App;

public sealed class ExecutionTests : IDisposable
{
    private static readonly TestAccount Alice = TestAccount.FromSeed("alice");
    private static readonly TestAccount Bob = TestAccount.FromSeed("bob");
    private static readonly TestAccount Carol = TestAccount.FromSeed("carol");
    private readonly AppHarness _h = new([Alice, Bob]);

    public void Dispose() => _h.Dispose();

    private static string? Attr(Proto.Tendermint.Abci.ExecTxResult r, string type, string key) =>
        r.Events.Where(e => e.Type == type).SelectMany(e => e.Attributes).FirstOrDefault(a => a.Key == key)?.Value;

    [Fact]
    public void A_send_moves_coins_charges_the_fee_and_reports_events_and_msg_responses()
    {
        var tx = new SignedTx { Signer = Alice, Messages = [SignedTx.Send(Alice, Carol.Bech32, 1234)], FeeAmount = 600 };
        var r = Assert.Single(_h.Block(tx.Bytes()).TxResults);
        Assert.Equal(0u, r.Code);
        Assert.Equal("", r.Codespace);
        Assert.Equal(200_000, r.GasWanted);
        Assert.InRange(r.GasUsed, 10_000, 200_000);
        Assert.Equal(AppHarness.StartBalance - 1234 - 600, _h.Balance(Alice.Bech32));
        Assert.Equal(1234ul, _h.Balance(Carol.Bech32));
        // alice 0, bob 1, then the fee_collector, insurance and rounds module accounts (genesis)
        Assert.Equal(5ul, _h.Account(Carol.Bech32)!.AccountNumber);
        Assert.Equal(1ul, _h.Sequence(Alice));

        Assert.Equal($"{Alice.Bech32}/0", Attr(r, "tx", "acc_seq"));
        Assert.Equal("600umaci", Attr(r, "tx", "fee"));
        Assert.Equal(Alice.Bech32, Attr(r, "tx", "fee_payer"));
        Assert.NotNull(Attr(r, "tx", "signature"));
        Assert.Equal("/cosmos.bank.v1beta1.MsgSend", Attr(r, "message", "action"));
        Assert.Equal("bank", r.Events.Where(e => e.Type == "message").SelectMany(e => e.Attributes).First(a => a.Key == "module").Value);
        var transfer = r.Events.Last(e => e.Type == "transfer");
        Assert.Equal(Carol.Bech32, transfer.Attributes.First(a => a.Key == "recipient").Value);
        Assert.Equal("1234umaci", transfer.Attributes.First(a => a.Key == "amount").Value);
        Assert.Contains(r.Events, e => e.Type == "coin_spent");
        Assert.Contains(r.Events, e => e.Type == "coin_received");

        var data = TxMsgData.Parser.ParseFrom(r.Data);
        var any = Assert.Single(data.MsgResponses);
        Assert.Equal("/cosmos.bank.v1beta1.MsgSendResponse", any.TypeUrl);
        Assert.Null(_h.App.CheckInvariants());
    }

    [Fact]
    public void A_failing_message_keeps_the_fee_and_the_sequence_bump_but_nothing_else()
    {
        var tx = new SignedTx { Signer = Alice, Messages = [SignedTx.Send(Alice, Bob.Bech32, AppHarness.StartBalance)] };
        var r = Assert.Single(_h.Block(tx.Bytes()).TxResults);
        Assert.Equal(5u, r.Code);
        Assert.Equal("sdk", r.Codespace);
        Assert.Contains("failed to execute message; message index: 0", r.Log);
        Assert.Contains("insufficient funds", r.Log);
        Assert.True(r.Data.IsEmpty);
        Assert.Equal(AppHarness.StartBalance - 500, _h.Balance(Alice.Bech32));
        Assert.Equal(AppHarness.StartBalance, _h.Balance(Bob.Bech32));
        Assert.Equal(1ul, _h.Sequence(Alice));
        Assert.Equal("500umaci", Attr(r, "tx", "fee"));
        Assert.DoesNotContain(r.Events, e => e.Type == "message" && e.Attributes.Any(a => a.Key == "action"));
        Assert.Null(_h.App.CheckInvariants());
    }

    [Fact]
    public void Running_out_of_gas_in_a_message_is_code_11_and_rolls_the_message_back()
    {
        // CheckTx runs only the ante chain, so its gas_used is what the ante chain costs for this tx size;
        // a limit just above it lets the fee and sequence through but not the send's store writes.
        var probe = new SignedTx { Signer = Alice, Messages = [SignedTx.Send(Alice, Bob.Bech32, 5)], GasLimit = 60_000, FeeAmount = 200 };
        var check = _h.CheckTx(probe.Bytes());
        Assert.Equal(0u, check.Code);
        var anteGas = (ulong)check.GasUsed;
        var tx = probe with { GasLimit = anteGas + 1000 };
        var r = Assert.Single(_h.Block(tx.Bytes()).TxResults);
        Assert.Equal(11u, r.Code);
        Assert.Contains("out of gas", r.Log);
        Assert.Equal(AppHarness.StartBalance - 200, _h.Balance(Alice.Bech32));
        Assert.Equal(AppHarness.StartBalance, _h.Balance(Bob.Bech32));
        Assert.Equal(1ul, _h.Sequence(Alice));
    }

    [Fact]
    public void Multi_send_splits_one_input_over_outputs()
    {
        var msg = new MsgMultiSend
        {
            Inputs = { new Input { Address = Alice.Bech32, Coins = { new ProtoCoin { Denom = "umaci", Amount = "30" } } } },
            Outputs =
            {
                new Output { Address = Bob.Bech32, Coins = { new ProtoCoin { Denom = "umaci", Amount = "10" } } },
                new Output { Address = Carol.Bech32, Coins = { new ProtoCoin { Denom = "umaci", Amount = "20" } } },
            },
        };
        var r = _h.Block(new SignedTx { Signer = Alice, Messages = [msg] }.Bytes()).TxResults[0];
        Assert.Equal(0u, r.Code);
        Assert.Equal(AppHarness.StartBalance + 10, _h.Balance(Bob.Bech32));
        Assert.Equal(20ul, _h.Balance(Carol.Bech32));
        msg.Outputs[1].Coins[0].Amount = "21";
        var bad = _h.Block(new SignedTx { Signer = Alice, Sequence = 1, Messages = [msg] }.Bytes()).TxResults[0];
        Assert.Equal(4u, bad.Code);
        Assert.Equal("bank", bad.Codespace);
    }

    [Fact]
    public void Sends_to_module_accounts_are_refused()
    {
        var feeCollector = _h.App.Modules.Codec.Encode(Maci.Sdk.Addresses.AddressCodec.ModuleAddress("fee_collector"));
        var r = _h.Block(new SignedTx { Signer = Alice, Messages = [SignedTx.Send(Alice, feeCollector, 1)] }.Bytes()).TxResults[0];
        Assert.Equal(4u, r.Code);
        Assert.Contains("is not allowed to receive funds", r.Log);
    }

    [Fact]
    public void One_exec_tx_result_per_tx_in_order_including_garbage()
    {
        var good = new SignedTx { Signer = Alice, Messages = [SignedTx.Send(Alice, Bob.Bech32, 1)] }.Bytes();
        var good2 = new SignedTx { Signer = Alice, Sequence = 1, Messages = [SignedTx.Send(Alice, Bob.Bech32, 2)] }.Bytes();
        var results = _h.Block(good, [1, 2, 3], good2, good).TxResults;
        Assert.Equal([0u, 2u, 0u, 32u], results.Select(r => r.Code));
        Assert.Equal(AppHarness.StartBalance + 3, _h.Balance(Bob.Bech32));
    }
}
