using Maci.Modules.Rounds.Types;
using Maci.Proto.Maci.Rounds.V1;
using Maci.Sdk;
using Maci.Sdk.Errors;
using Maci.Sdk.Modules;

namespace Maci.Modules.Rounds.Keeper;

/// <summary>
/// The module's messages: sender address checks in ValidateBasic (no state), everything else in the keeper.
/// Proof-carrying messages pay a fixed gas for the pairing check.
/// </summary>
public sealed class RoundsMsgServer(RoundsKeeper keeper)
{
    public const ulong CreateGas = 50_000;
    public const ulong AdminGas = 10_000;
    public const ulong SignUpGas = 20_000;
    public const ulong PublishGas = 10_000;
    public const ulong ProofGas = 300_000;
    public const ulong PeriodGas = 10_000;

    public IReadOnlyList<MsgRoute> Routes =>
    [
        new MsgRoute<MsgCreateRound>(MsgCreateRound.Parser, m => [m.Creator], m => Sender(m.Creator), CreateRound, CreateGas),
        new MsgRoute<MsgSetRoundInfo>(MsgSetRoundInfo.Parser, m => [m.Sender], m => Sender(m.Sender),
            (ctx, m) => Done(keeper.SetRoundInfo(ctx, Norm(m.Sender), m.RoundId, m.Info), new MsgSetRoundInfoResponse()), AdminGas),
        new MsgRoute<MsgSetVoteOptions>(MsgSetVoteOptions.Parser, m => [m.Sender], m => Sender(m.Sender),
            (ctx, m) => Done(keeper.SetVoteOptions(ctx, Norm(m.Sender), m.RoundId, m.VoteOptions), new MsgSetVoteOptionsResponse()), AdminGas),
        new MsgRoute<MsgSetMaxVotesPerOption>(MsgSetMaxVotesPerOption.Parser, m => [m.Sender], m => Sender(m.Sender),
            (ctx, m) => Done(keeper.SetMaxVotesPerOption(ctx, Norm(m.Sender), m.RoundId, m.MaxVotesPerOption), new MsgSetMaxVotesPerOptionResponse()), AdminGas),
        new MsgRoute<MsgUpdateRegistrationConfig>(MsgUpdateRegistrationConfig.Parser, m => [m.Sender], m => Sender(m.Sender),
            (ctx, m) => Done(keeper.UpdateRegistrationConfig(ctx, Norm(m.Sender), m), new MsgUpdateRegistrationConfigResponse()), AdminGas),
        new MsgRoute<MsgSignUp>(MsgSignUp.Parser, m => [m.Sender], m => Sender(m.Sender), SignUp, SignUpGas),
        new MsgRoute<MsgPublishMessage>(MsgPublishMessage.Parser, m => [m.Sender], m => Sender(m.Sender), PublishMessage, PublishGas),
        new MsgRoute<MsgPublishDeactivateMessage>(MsgPublishDeactivateMessage.Parser, m => [m.Sender], m => Sender(m.Sender), PublishDeactivate, PublishGas),
        new MsgRoute<MsgUploadDeactivateMessage>(MsgUploadDeactivateMessage.Parser, m => [m.Sender], m => Sender(m.Sender),
            (ctx, m) => Done(keeper.UploadDeactivateMessage(ctx, Norm(m.Sender), m), new MsgUploadDeactivateMessageResponse()), PublishGas),
        new MsgRoute<MsgProcessDeactivateMessage>(MsgProcessDeactivateMessage.Parser, m => [m.Sender], m => Sender(m.Sender), ProcessDeactivate, ProofGas),
        new MsgRoute<MsgAddNewKey>(MsgAddNewKey.Parser, m => [m.Sender], m => Sender(m.Sender), AddNewKey, ProofGas),
        new MsgRoute<MsgPreAddNewKey>(MsgPreAddNewKey.Parser, m => [m.Sender], m => Sender(m.Sender), PreAddNewKey, ProofGas),
        new MsgRoute<MsgStartProcessPeriod>(MsgStartProcessPeriod.Parser, m => [m.Sender], m => Sender(m.Sender),
            (ctx, m) => Done(keeper.StartProcessPeriod(ctx, m.RoundId), new MsgStartProcessPeriodResponse()), PeriodGas),
        new MsgRoute<MsgProcessMessage>(MsgProcessMessage.Parser, m => [m.Sender], m => Sender(m.Sender), ProcessMessage, ProofGas),
        new MsgRoute<MsgStopProcessingPeriod>(MsgStopProcessingPeriod.Parser, m => [m.Sender], m => Sender(m.Sender),
            (ctx, m) => Done(keeper.StopProcessingPeriod(ctx, m.RoundId), new MsgStopProcessingPeriodResponse()), PeriodGas),
        new MsgRoute<MsgProcessTally>(MsgProcessTally.Parser, m => [m.Sender], m => Sender(m.Sender), ProcessTally, ProofGas),
        new MsgRoute<MsgStopTallyingPeriod>(MsgStopTallyingPeriod.Parser, m => [m.Sender], m => Sender(m.Sender),
            (ctx, m) => Done(keeper.StopTallyingPeriod(ctx, m), new MsgStopTallyingPeriodResponse()), PeriodGas),
        new MsgRoute<MsgClaim>(MsgClaim.Parser, m => [m.Sender], m => Sender(m.Sender), Claim, PeriodGas),
        new MsgRoute<MsgBond>(MsgBond.Parser, m => [m.Sender], m => Sender(m.Sender),
            (ctx, m) => Done(keeper.Bond(ctx, Raw(m.Sender), m.RoundId, m.Amount), new MsgBondResponse()), PeriodGas),
        new MsgRoute<MsgWithdraw>(MsgWithdraw.Parser, m => [m.Sender], m => Sender(m.Sender),
            (ctx, m) => Done(keeper.Withdraw(ctx, m.RoundId, m.Amount), new MsgWithdrawResponse()), PeriodGas),
    ];

    private SdkError? Sender(string address) => keeper.Accounts.Codec.TryDecode(address, out _) is { } e ? e.Prefix("invalid sender address") : null;

    private byte[] Raw(string address)
    {
        keeper.Accounts.Codec.TryDecode(address, out var raw);
        return raw;
    }

    private string Norm(string address) => keeper.Accounts.Codec.Encode(Raw(address));

    private static MsgResult Done(SdkError? error, Google.Protobuf.IMessage response) => error is null ? MsgResult.Ok(response) : error;

    private MsgResult CreateRound(Context ctx, MsgCreateRound m) =>
        keeper.CreateRound(ctx, Raw(m.Creator), m, out var id) is { } e ? e : MsgResult.Ok(new MsgCreateRoundResponse { RoundId = id });

    private MsgResult SignUp(Context ctx, MsgSignUp m) =>
        keeper.SignUp(ctx, Raw(m.Sender), m, out var i) is { } e ? e : MsgResult.Ok(new MsgSignUpResponse { StateIndex = i });

    private MsgResult PublishMessage(Context ctx, MsgPublishMessage m)
    {
        if (keeper.PublishMessage(ctx, Raw(m.Sender), m, out var first) is { } e) return e;
        return MsgResult.Ok(new MsgPublishMessageResponse { FirstIndex = first, MsgChainLength = first + (ulong)m.Messages.Count });
    }

    private MsgResult PublishDeactivate(Context ctx, MsgPublishDeactivateMessage m) =>
        keeper.PublishDeactivateMessage(ctx, Raw(m.Sender), m, out var i) is { } e
            ? e : MsgResult.Ok(new MsgPublishDeactivateMessageResponse { Index = i, DmsgChainLength = i + 1 });

    private MsgResult ProcessDeactivate(Context ctx, MsgProcessDeactivateMessage m)
    {
        if (keeper.ProcessDeactivateMessage(ctx, m) is { } e) return e;
        return MsgResult.Ok(new MsgProcessDeactivateMessageResponse { ProcessedDmsgCount = keeper.GetRoundState(ctx, m.RoundId)!.ProcessedDmsgCount });
    }

    private MsgResult AddNewKey(Context ctx, MsgAddNewKey m) =>
        keeper.AddNewKey(ctx, Raw(m.Sender), m.RoundId, m.Pubkey, m.Nullifier, m.D, m.Proof, m.Fee, pre: false, out var i) is { } e
            ? e : MsgResult.Ok(new MsgAddNewKeyResponse { StateIndex = i });

    private MsgResult PreAddNewKey(Context ctx, MsgPreAddNewKey m) =>
        keeper.AddNewKey(ctx, Raw(m.Sender), m.RoundId, m.Pubkey, m.Nullifier, m.D, m.Proof, m.Fee, pre: true, out var i) is { } e
            ? e : MsgResult.Ok(new MsgPreAddNewKeyResponse { StateIndex = i });

    private MsgResult ProcessMessage(Context ctx, MsgProcessMessage m)
    {
        if (keeper.ProcessMessage(ctx, m) is { } e) return e;
        return MsgResult.Ok(new MsgProcessMessageResponse { ProcessedMsgCount = keeper.GetRoundState(ctx, m.RoundId)!.ProcessedMsgCount });
    }

    private MsgResult ProcessTally(Context ctx, MsgProcessTally m)
    {
        if (keeper.ProcessTally(ctx, m) is { } e) return e;
        return MsgResult.Ok(new MsgProcessTallyResponse { ProcessedUserCount = keeper.GetRoundState(ctx, m.RoundId)!.ProcessedUserCount });
    }

    private MsgResult Claim(Context ctx, MsgClaim m)
    {
        if (keeper.Claim(ctx, m.RoundId, out var p) is { } e) return e;
        var denom = keeper.GetParams(ctx).Denom;
        Proto.Cosmos.Base.V1Beta1.Coin C(UInt128 a) => new() { Denom = denom, Amount = a.ToString() };
        return MsgResult.Ok(new MsgClaimResponse { ToOperator = C(p.ToOperator), ToAdmin = C(p.ToAdmin), ToFeeRecipient = C(p.ToFeeRecipient) });
    }
}
