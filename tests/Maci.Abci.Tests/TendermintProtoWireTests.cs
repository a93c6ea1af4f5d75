using Google.Protobuf;
using Maci.Proto.Tendermint.Abci;
using Maci.Proto.Tendermint.Crypto;
using Maci.Proto.Tendermint.Types;

namespace Maci.Abci.Tests;

/// <summary>
/// Field numbers of the tendermint protos, checked through the encoded bytes against the CometBFT v0.38 numbering
/// (a tag byte is field_number &lt;&lt; 3 | wire_type).
/// </summary>
public class TendermintProtoWireTests
{
    public static TheoryData<string, int> RequestFields => new()
    {
        { "Echo", 1 }, { "Flush", 2 }, { "Info", 3 }, { "InitChain", 5 }, { "Query", 6 }, { "CheckTx", 8 },
        { "Commit", 11 }, { "ListSnapshots", 12 }, { "OfferSnapshot", 13 }, { "LoadSnapshotChunk", 14 },
        { "ApplySnapshotChunk", 15 }, { "PrepareProposal", 16 }, { "ProcessProposal", 17 }, { "ExtendVote", 18 },
        { "VerifyVoteExtension", 19 }, { "FinalizeBlock", 20 },
    };

    public static TheoryData<string, int> ResponseFields => new()
    {
        { "Exception", 1 }, { "Echo", 2 }, { "Flush", 3 }, { "Info", 4 }, { "InitChain", 6 }, { "Query", 7 },
        { "CheckTx", 9 }, { "Commit", 12 }, { "ListSnapshots", 13 }, { "OfferSnapshot", 14 }, { "LoadSnapshotChunk", 15 },
        { "ApplySnapshotChunk", 16 }, { "PrepareProposal", 17 }, { "ProcessProposal", 18 }, { "ExtendVote", 19 },
        { "VerifyVoteExtension", 20 }, { "FinalizeBlock", 21 },
    };

    [Theory]
    [MemberData(nameof(RequestFields))]
    public void Request_oneof_members_use_the_v038_field_numbers(string member, int field)
    {
        var descriptor = Request.Descriptor.Oneofs.Single(o => o.Name == "value").Fields.Single(f => f.JsonName == Camel(member));
        Assert.Equal(field, descriptor.FieldNumber);
        Assert.Equal(Tag(field, 2), EncodedTag(Request.Descriptor, field));
    }

    [Theory]
    [MemberData(nameof(ResponseFields))]
    public void Response_oneof_members_use_the_v038_field_numbers(string member, int field)
    {
        var descriptor = Response.Descriptor.Oneofs.Single(o => o.Name == "value").Fields.Single(f => f.JsonName == Camel(member));
        Assert.Equal(field, descriptor.FieldNumber);
        Assert.Equal(Tag(field, 2), EncodedTag(Response.Descriptor, field));
    }

    [Fact]
    public void Removed_methods_have_no_members()
    {
        var requestNumbers = Request.Descriptor.Fields.InFieldNumberOrder().Select(f => f.FieldNumber).ToHashSet();
        var responseNumbers = Response.Descriptor.Fields.InFieldNumberOrder().Select(f => f.FieldNumber).ToHashSet();
        Assert.DoesNotContain(requestNumbers, n => n is 4 or 7 or 9 or 10);
        Assert.DoesNotContain(responseNumbers, n => n is 5 or 8 or 10 or 11);
    }

    [Fact]
    public void Finalize_block_messages_encode_with_the_documented_numbers()
    {
        var request = new RequestFinalizeBlock
        {
            Txs = { ByteString.CopyFrom(0xAA) },
            DecidedLastCommit = new CommitInfo
            {
                Round = 1,
                Votes = { new VoteInfo { Validator = new Maci.Proto.Tendermint.Abci.Validator { Power = 1 }, BlockIdFlag = BlockIDFlag.Commit } },
            },
            Height = 7,
        };
        // txs=1: 0a 01 aa | decided_last_commit=2: 12 0a (round=1: 08 01 | votes=2: 12 06 (validator=1: 0a 02 (power=3: 18 01)
        // block_id_flag=3: 18 02)) | height=5: 28 07
        Assert.Equal("0a01aa" + "120a" + "0801" + "1206" + "0a02" + "1801" + "1802" + "2807", Hex(request));

        var response = new ResponseFinalizeBlock
        {
            TxResults = { new ExecTxResult { Code = 1, GasWanted = 2, GasUsed = 3, Codespace = "x" } },
            AppHash = ByteString.CopyFrom(0x01),
        };
        // 12 09 (08 01 28 02 30 03 42 01 78) | 2a 01 01
        Assert.Equal("1209" + "0801" + "2802" + "3003" + "420178" + "2a0101", Hex(response));
    }

    [Fact]
    public void Query_check_tx_commit_and_prepare_proposal_responses_use_the_documented_numbers()
    {
        Assert.Equal("0801" + "4809" + "52017a", Hex(new ResponseQuery { Code = 1, Height = 9, Codespace = "z" }));
        Assert.Equal("4201" + "63", Hex(new ResponseCheckTx { Codespace = "c" }));
        Assert.Equal("1805", Hex(new ResponseCommit { RetainHeight = 5 }));
        Assert.Equal("0a01" + "01", Hex(new ResponsePrepareProposal { Txs = { ByteString.CopyFrom(0x01) } }));
        Assert.Equal("1001", Hex(new RequestCheckTx { Type = CheckTxType.Recheck }));
        Assert.Equal("0802", Hex(new ResponseProcessProposal { Status = ResponseProcessProposal.Types.ProposalStatus.Reject }));
        Assert.Equal("0805", Hex(new ResponseOfferSnapshot { Result = ResponseOfferSnapshot.Types.Result.RejectSender }));
        Assert.Equal("0805", Hex(new ResponseApplySnapshotChunk { Result = ResponseApplySnapshotChunk.Types.Result.RejectSnapshot }));
    }

    [Fact]
    public void Validator_update_and_consensus_params_use_the_documented_numbers()
    {
        var update = new ValidatorUpdate { PubKey = new PublicKey { Secp256K1 = ByteString.CopyFrom(0x02) }, Power = 10 };
        Assert.Equal("0a03" + "120102" + "100a", Hex(update));

        var ed = new PublicKey { Ed25519 = ByteString.CopyFrom(0x09) };
        Assert.Equal("0a0109", Hex(ed));

        var extended = new ExtendedVoteInfo { VoteExtension = ByteString.CopyFrom(0x01), ExtensionSignature = ByteString.CopyFrom(0x02), BlockIdFlag = BlockIDFlag.Nil };
        Assert.Equal("1a0101" + "220102" + "2803", Hex(extended));

        var parameters = new ConsensusParams
        {
            Block = new BlockParams { MaxBytes = 1, MaxGas = 2 },
            Evidence = new EvidenceParams { MaxAgeNumBlocks = 3, MaxBytes = 4 },
            Validator = new ValidatorParams { PubKeyTypes = { "e" } },
            Version = new VersionParams { App = 5 },
            Abci = new ABCIParams { VoteExtensionsEnableHeight = 6 },
        };
        Assert.Equal("0a0408011002" + "12040803" + "1804" + "1a030a0165" + "22020805" + "2a020806", Hex(parameters));

        var misbehavior = new Misbehavior { Type = MisbehaviorType.LightClientAttack, Height = 3, TotalVotingPower = 5 };
        Assert.Equal("0802" + "1803" + "2805", Hex(misbehavior));
    }

    [Fact]
    public void Header_keeps_the_v038_numbering()
    {
        var header = new Header { Height = 1, AppHash = ByteString.CopyFrom(0xAB), ProposerAddress = ByteString.CopyFrom(0xCD) };
        Assert.Equal("1801" + "5a01ab" + "7201cd", Hex(header));
    }

    private static string Camel(string member) => char.ToLowerInvariant(member[0]) + member[1..];

    private static byte[] Tag(int field, int wireType)
    {
        var bytes = new byte[5];
        var n = Maci.Abci.Server.AbciWire.WriteUVarint(bytes, (ulong)(field << 3 | wireType));
        return bytes[..n];
    }

    private static byte[] EncodedTag(Google.Protobuf.Reflection.MessageDescriptor descriptor, int field)
    {
        var message = descriptor.Parser.ParseFrom(ReadOnlySpan<byte>.Empty);
        var member = descriptor.FindFieldByNumber(field);
        member.Accessor.SetValue(message, member.MessageType.Parser.ParseFrom(ReadOnlySpan<byte>.Empty));
        var bytes = message.ToByteArray();
        return bytes[..^1]; // drop the zero length of the empty member
    }

    private static string Hex(IMessage message) => Convert.ToHexString(message.ToByteArray()).ToLowerInvariant();
}
