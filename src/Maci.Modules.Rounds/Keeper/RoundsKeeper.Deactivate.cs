using Maci.Crypto.Amaci;
using Maci.Crypto.Bn254;
using Maci.Modules.Rounds.Types;
using Maci.Proto.Maci.Rounds.V1;
using Maci.Sdk;
using Maci.Sdk.Errors;

namespace Maci.Modules.Rounds.Keeper;

public sealed partial class RoundsKeeper
{
    public SdkError? ProcessDeactivateMessage(Context ctx, MsgProcessDeactivateMessage m)
    {
        if (Load(ctx, m.RoundId, out var round, out var state) is { } e) return e;
        if (RequireAmaci(round, "process deactivate message") is { } ke) return ke;
        if (!round.DeactivateEnabled) return RoundsErrors.DeactivateDisabled.Wrap($"round {round.Id}");
        if (state.ProcessedDmsgCount >= state.DmsgChainLength)
            return RoundsErrors.NothingToProcess.Wrap($"all {state.DmsgChainLength} deactivate messages are processed");
        if (m.Size == 0 || m.Size > round.CircuitSize.MessageBatchSize)
            return RoundsErrors.InvalidMessage.Wrap($"size must be 1..{round.CircuitSize.MessageBatchSize}");
        if (Fields.TryParse(m.NewDeactivateCommitment, "new_deactivate_commitment", out var newCommitment) is { } ce) return ce;
        if (Fields.TryParse(m.NewDeactivateRoot, "new_deactivate_root", out var newRoot) is { } re) return re;

        var start = state.ProcessedDmsgCount;
        var end = Math.Min(start + m.Size, state.DmsgChainLength);
        var input = PublicInputs.ProcessDeactivate(newRoot, Fields.Read(state.CoordinatorHash), GetDMsgHash(ctx, round.Id, start),
            GetDMsgHash(ctx, round.Id, end), Fields.Read(state.CurrentDeactivateCommitment), newCommitment,
            GetStateRootByDMsg(ctx, round.Id, end), round.Id);
        if (Verify(ctx, round, k => k.Deactivate, "deactivate", m.Proof, input) is { } ve) return ve;

        var now = Now(ctx);
        var count = end - start;
        state.DeactivateRoot = Fields.Write(newRoot);
        state.CurrentDeactivateCommitment = Fields.Write(newCommitment);
        state.ProcessedDmsgCount = end;
        var late = now - state.FirstDmsgTimestamp;
        if (late > 0 && (ulong)late > round.Delays.DeactivateDelay)
            AddDelayRecord(ctx, round.Id, new DelayRecord
            {
                Type = DelayType.Deactivate, Timestamp = now, Duration = (ulong)late - round.Delays.DeactivateDelay, Count = count,
                Reason = $"processed {count} deactivate messages {late} s after the first was published (limit {round.Delays.DeactivateDelay} s)",
            });
        SetRoundState(ctx, round.Id, state);
        if (_hooks.DeactivateMessagesProcessed(ctx, round.Id, count, now) is { } he) return he;
        ctx.Events.Emit(RoundsEvents.DeactivateProcessed(round.Id, start, end, newRoot, newCommitment));
        return null;
    }

    public SdkError? AddNewKey(Context ctx, byte[] sender, ulong roundId, PubKey? pubkeyWire, string nullifierText,
        IReadOnlyList<string> dText, Groth16Proof? proof, Proto.Cosmos.Base.V1Beta1.Coin? feeCoin, bool pre, out ulong stateIndex)
    {
        stateIndex = 0;
        var action = pre ? "pre add new key" : "add new key";
        if (Load(ctx, roundId, out var round, out var state) is { } e) return e;
        if (RequireAmaci(round, action) is { } ke) return ke;
        if (pre && round.RegistrationMode.ModeCase != RegistrationMode.ModeOneofCase.PrePopulated)
            return RoundsErrors.RegistrationRefused.Wrap("pre add new key needs a pre-populated round");
        if (round.VoiceCreditMode.Dynamic) return RoundsErrors.RegistrationRefused.Wrap($"{action} needs the unified voice credit mode");
        if (RequireVoting(ctx, round, state, action) is { } ve) return ve;
        if (Fields.TryParsePoint(pubkeyWire, "pubkey", out var pubkey) is { } pe) return pe;
        if (Fields.TryParse(nullifierText, "nullifier", out var nullifier) is { } ne) return ne;
        Span<Fr> d = stackalloc Fr[4];
        if (Fields.TryParseAll(dText, 4, "d", d) is { } de) return de;
        var store = Store(ctx);
        var nullifierKey = Keys.Nullifier(round.Id, Fields.Bytes(nullifier));
        if (store.Has(nullifierKey)) return RoundsErrors.NullifierUsed.Wrap($"nullifier {Fields.Clip(nullifierText)}");
        var capacity = CircuitSizes.Pow5(round.CircuitSize.StateTreeDepth);
        if (state.NumSignUps >= capacity) return RoundsErrors.TreeFull.Wrap($"round {round.Id} holds {capacity} voters");
        if (GetSignUpIndex(ctx, round.Id, pubkey) is not null) return RoundsErrors.AlreadySignedUp.Wrap("this public key is already registered");
        var p = GetParams(ctx);
        var fee = Amount(round.Fees.SignupFee);
        if (CheckFee(feeCoin, p.Denom, fee, action) is { } fe) return fe;

        var root = pre ? Fields.Read(state.PreDeactivateRoot) : Fields.Read(state.DeactivateRoot);
        var coordHash = pre ? Fields.Read(state.PreDeactivateCoordinatorHash) : Fields.Read(state.CoordinatorHash);
        var input = PublicInputs.AddNewKey(root, coordHash, nullifier, d, AmaciHashes.PublicKeyHash(pubkey), round.Id);
        if (Verify(ctx, round, k => k.AddNewKey, action, proof, input) is { } pve) return pve;
        if (Escrow(ctx, sender, p.Denom, fee, state) is { } be) return be;

        var balance = Fr.Parse(round.VoiceCreditMode.UnifiedAmount);
        var leaf = pre
            ? AmaciHashes.SignUpLeaf(pubkey, balance)
            : AmaciHashes.AddNewKeyLeaf(pubkey, balance, new(d[0], d[1]), new(d[2], d[3]));
        store.Set(nullifierKey, [1]);
        stateIndex = InsertLeaf(ctx, round, state, pubkey, leaf);
        SetRoundState(ctx, round.Id, state);
        ctx.Events.Emit(RoundsEvents.NewKey(round.Id, stateIndex, pubkey, nullifier, d, pre, state.NumSignUps));
        return null;
    }
}
