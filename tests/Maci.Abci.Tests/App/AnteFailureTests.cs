using Maci.Abci.Tests.App.Support;
using Maci.Proto.Cosmos.Bank.V1Beta1;
using Maci.Proto.Cosmos.Tx.Signing.V1Beta1;

namespace Maci.Abci.Tests.App;

/// <summary>Every ante failure answers its SDK code and log in CheckTx and FinalizeBlock, and changes nothing.</summary>
public sealed class AnteFailureTests : IDisposable
{
    private static readonly TestAccount Alice = TestAccount.FromSeed("alice");
    private static readonly TestAccount Bob = TestAccount.FromSeed("bob");
    private readonly AppHarness _h = new([Alice, Bob]);

    public void Dispose() => _h.Dispose();

    private SignedTx Valid => new() { Signer = Alice, Messages = [SignedTx.Send(Alice, Bob.Bech32, 100)], AccountNumber = 0 };

    private void AssertRejected(byte[] tx, uint code, string logPart, string codespace = "sdk")
    {
        var before = (_h.Balance(Alice.Bech32), _h.Balance(Bob.Bech32), _h.Sequence(Alice));
        var check = _h.CheckTx(tx);
        Assert.Equal(code, check.Code);
        Assert.Equal(codespace, check.Codespace);
        Assert.Contains(logPart, check.Log);
        var block = _h.Block(tx);
        var result = Assert.Single(block.TxResults);
        Assert.Equal(code, result.Code);
        Assert.Equal(codespace, result.Codespace);
        Assert.Contains(logPart, result.Log);
        Assert.True(result.Data.IsEmpty);
        Assert.Equal(before, (_h.Balance(Alice.Bech32), _h.Balance(Bob.Bech32), _h.Sequence(Alice)));
        Assert.Null(_h.App.CheckInvariants());
    }

    [Fact]
    public void Wrong_chain_id_fails_signature_verification_with_code_4() =>
        AssertRejected((Valid with { ChainId = "other-chain" }).Bytes(), 4, "chain-id (maci-devnet-1)");

    [Fact]
    public void Wrong_account_number_is_code_4() =>
        AssertRejected((Valid with { AccountNumber = 7 }).Bytes(), 4, "signature verification failed; please verify account number (0)");

    [Fact]
    public void Future_sequence_is_code_32() =>
        AssertRejected((Valid with { Sequence = 5 }).Bytes(), 32, "account sequence mismatch, expected 0, got 5: incorrect account sequence");

    [Fact]
    public void Reused_sequence_is_code_32()
    {
        var first = Valid.Bytes();
        Assert.Equal(0u, _h.Block(first).TxResults[0].Code);
        AssertRejected((Valid with { Memo = "replay" }).Bytes(), 32, "expected 1, got 0");
        AssertRejected(first, 32, "expected 1, got 0");
    }

    [Fact]
    public void Corrupted_signature_is_code_4() =>
        AssertRejected((Valid with { CorruptSignature = true }).Bytes(), 4, "signature verification failed");

    [Fact]
    public void High_s_signature_is_code_4() =>
        AssertRejected((Valid with { HighS = true }).Bytes(), 4, "signature verification failed");

    [Fact]
    public void Missing_signature_is_code_15() =>
        AssertRejected((Valid with { NoSignature = true }).Bytes(), 15, "no signatures supplied");

    [Fact]
    public void Unknown_message_type_is_code_6()
    {
        var tx = Valid with { Messages = [new QueryBalanceRequest { Address = Alice.Bech32, Denom = "umaci" }] };
        AssertRejected(tx.Bytes(), 6, "unrecognized message type: /cosmos.bank.v1beta1.QueryBalanceRequest");
    }

    [Fact]
    public void Fee_below_the_minimum_gas_price_is_code_13() =>
        // 200000 gas × 0.0025 = 500umaci required
        AssertRejected((Valid with { FeeAmount = 499 }).Bytes(), 13, "insufficient fees; got: 499umaci required: 500umaci");

    [Fact]
    public void Fee_in_another_denom_is_code_13() =>
        AssertRejected((Valid with { FeeDenom = "uatom" }).Bytes(), 13, "required: 500umaci");

    [Fact]
    public void Fee_the_payer_cannot_afford_is_code_5() =>
        AssertRejected((Valid with { GasLimit = 10_000_000, FeeAmount = AppHarness.StartBalance + 1 }).Bytes(), 5, "insufficient funds");

    [Fact]
    public void Gas_limit_too_small_for_the_ante_chain_is_code_11() =>
        AssertRejected((Valid with { GasLimit = 1000, FeeAmount = 500 }).Bytes(), 11, "out of gas");

    [Fact]
    public void Zero_gas_limit_is_code_41() =>
        AssertRejected((Valid with { GasLimit = 0 }).Bytes(), 41, "must provide positive gas");

    [Fact]
    public void Passed_timeout_height_is_code_30()
    {
        _h.Block();
        _h.Block();
        AssertRejected((Valid with { TimeoutHeight = 2 }).Bytes(), 30, "timeout height: 2");
    }

    [Fact]
    public void Public_key_of_another_account_is_code_8() =>
        AssertRejected((Valid with { KeyInTx = Bob }).Bytes(), 8, "pubKey does not match signer address");

    [Fact]
    public void Missing_public_key_on_a_fresh_account_is_code_8() =>
        AssertRejected((Valid with { IncludePublicKey = false }).Bytes(), 8, "is not set");

    [Fact]
    public void Sign_mode_other_than_direct_is_code_4() =>
        AssertRejected((Valid with { Mode = SignMode.LegacyAminoJson }).Bytes(), 4, "not supported");

    [Fact]
    public void Unknown_signer_account_is_code_9()
    {
        var carol = TestAccount.FromSeed("carol");
        AssertRejected(new SignedTx { Signer = carol, Messages = [SignedTx.Send(carol, Bob.Bech32, 1)] }.Bytes(), 9, "does not exist");
    }

    [Fact]
    public void Memo_over_the_limit_is_code_12() =>
        AssertRejected((Valid with { Memo = new string('m', 257) }).Bytes(), 12, "maximum number of characters is 256");

    [Fact]
    public void Garbage_bytes_are_code_2() => AssertRejected([0xde, 0xad, 0xbe, 0xef], 2, "tx parse error");

    [Fact]
    public void Invalid_message_fields_fail_validate_basic()
    {
        AssertRejected((Valid with { Messages = [SignedTx.Send(Alice, "maci1notanaddress", 1)] }).Bytes(), 7, "invalid to address");
        AssertRejected((Valid with { Messages = [SignedTx.Send(Alice, Bob.Bech32, 0)] }).Bytes(), 10, "invalid coins");
    }

    [Fact]
    public void More_signatures_than_signers_is_code_4()
    {
        var raw = Proto.Cosmos.Tx.V1Beta1.TxRaw.Parser.ParseFrom(Valid.Bytes());
        raw.Signatures.Add(raw.Signatures[0]);
        AssertRejected(Google.Protobuf.MessageExtensions.ToByteArray(raw), 4, "wrong number of signers; expected 1, got 2");
    }

    [Fact]
    public void A_tx_without_messages_is_code_18() =>
        AssertRejected((Valid with { Messages = [] }).Bytes(), 18, "must contain at least one message");

    [Fact]
    public void Omitting_the_public_key_works_once_it_is_stored()
    {
        Assert.Equal(0u, _h.Block(Valid.Bytes()).TxResults[0].Code);
        var second = Valid with { Sequence = 1, IncludePublicKey = false };
        Assert.Equal(0u, _h.Block(second.Bytes()).TxResults[0].Code);
        Assert.Equal(2ul, _h.Sequence(Alice));
    }
}
