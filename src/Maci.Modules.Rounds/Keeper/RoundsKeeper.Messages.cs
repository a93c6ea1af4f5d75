using Maci.Crypto.Amaci;
using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;
using Maci.Crypto.Poseidon;
using Maci.Modules.Rounds.Types;
using Maci.Proto.Maci.Rounds.V1;
using Maci.Sdk;
using Maci.Sdk.Errors;

namespace Maci.Modules.Rounds.Keeper;

public sealed partial class RoundsKeeper
{
    /// <summary>Most messages one publish-message transaction may carry.</summary>
    public const int MaxMessagesPerTx = 500;

    public SdkError? PublishMessage(Context ctx, byte[] sender, MsgPublishMessage m, out ulong firstIndex)
    {
        firstIndex = 0;
        if (Load(ctx, m.RoundId, out var round, out var state) is { } e) return e;
        if (RequireVoting(ctx, round, state, "publish message") is { } ve) return ve;
        var n = m.Messages.Count;
        if (n == 0 || n != m.EncPubKeys.Count)
            return RoundsErrors.InvalidMessage.Wrap($"{n} messages with {m.EncPubKeys.Count} encryption keys (need equal, at least one)");
        if (n > MaxMessagesPerTx) return RoundsErrors.InvalidMessage.Wrap($"at most {MaxMessagesPerTx} messages per transaction");

        if (RoundFormat(ctx, round, out var format) is { } fe0) return fe0;
        var len = MessageLength(round.Kind, format);
        var data = new Fr[n * len];
        var keys = new BabyJubjubPoint[n];
        var keyIds = new byte[n][];
        var store = Store(ctx);
        for (var i = 0; i < n; i++)
        {
            if (Fields.TryParseAll(m.Messages[i].Data, len, $"messages[{i}]", data.AsSpan(i * len, len)) is { } me) return me;
            if (Fields.TryParsePoint(m.EncPubKeys[i], $"enc_pub_keys[{i}]", out keys[i]) is { } pe) return pe;
            keyIds[i] = EncKeyId(round.Id, keys[i]);
            if (store.Has(keyIds[i])) return RoundsErrors.EncKeyUsed.Wrap($"enc_pub_keys[{i}]");
            for (var j = 0; j < i; j++)
                if (keys[j] == keys[i]) return RoundsErrors.EncKeyUsed.Wrap($"enc_pub_keys[{i}] repeats enc_pub_keys[{j}]");
        }

        var p = GetParams(ctx);
        var overflow = false;
        var fee = round.Kind == RoundKind.Maci ? UInt128.Zero : Multiply(Amount(round.Fees.MessageFee), (ulong)n, out overflow);
        if (overflow) return RoundsErrors.InvalidAmount.Wrap("message fee overflows");
        if (CheckFee(m.Fee, p.Denom, fee, "publish message") is { } fe) return fe;
        if (Escrow(ctx, sender, p.Denom, fee, state) is { } be) return be;

        firstIndex = state.MsgChainLength;
        var hash = GetMsgHash(ctx, round.Id, firstIndex);
        Span<byte> buf = stackalloc byte[32];
        for (var i = 0; i < n; i++)
        {
            hash = ChainStep(round.Kind, format, hash, data.AsSpan(i * len, len), keys[i]);
            var index = firstIndex + (ulong)i + 1;
            hash.WriteBytesBigEndian(buf);
            store.Set(Keys.MsgHash(round.Id, index), buf);
            store.Set(keyIds[i], [1]);
            ctx.Events.Emit(RoundsEvents.Message(round.Id, index - 1, index, m.Messages[i], keys[i]));
        }
        state.MsgChainLength = firstIndex + (ulong)n;
        SetRoundState(ctx, round.Id, state);
        return null;
    }

    public SdkError? PublishDeactivateMessage(Context ctx, byte[] sender, MsgPublishDeactivateMessage m, out ulong index)
    {
        index = 0;
        if (Load(ctx, m.RoundId, out var round, out var state) is { } e) return e;
        if (RequireAmaci(round, "publish deactivate message") is { } ke) return ke;
        if (!round.DeactivateEnabled) return RoundsErrors.DeactivateDisabled.Wrap($"round {round.Id}");
        if (RequireVoting(ctx, round, state, "publish deactivate message") is { } ve) return ve;
        Span<Fr> data = stackalloc Fr[MaciMessage.Length];
        if (m.Message is null) return RoundsErrors.InvalidMessage.Wrap("message is missing");
        if (Fields.TryParseAll(m.Message.Data, MaciMessage.Length, "message", data) is { } me) return me;
        if (Fields.TryParsePoint(m.EncPubKey, "enc_pub_key", out var key) is { } pe) return pe;
        var limit = CircuitSizes.Pow5(round.CircuitSize.StateTreeDepth + 2) - 1;
        if (state.DmsgChainLength + 1 > limit) return RoundsErrors.ChainFull.Wrap($"the deactivate chain holds {limit} messages");
        var p = GetParams(ctx);
        var fee = Amount(round.Fees.DeactivateFee);
        if (CheckFee(m.Fee, p.Denom, fee, "publish deactivate message") is { } fe) return fe;
        if (Escrow(ctx, sender, p.Denom, fee, state) is { } be) return be;

        var now = Now(ctx);
        if (state.ProcessedDmsgCount == state.DmsgChainLength) state.FirstDmsgTimestamp = now;
        index = state.DmsgChainLength;
        var hash = AmaciHashes.MessageChainStep(GetDMsgHash(ctx, round.Id, index), data, key);
        var store = Store(ctx);
        store.Set(Keys.DMsgHash(round.Id, index + 1), Fields.Bytes(hash));
        store.Set(Keys.StateRootByDMsg(round.Id, index + 1), Fields.Bytes(StateRoot(ctx, round)));
        state.DmsgChainLength = index + 1;
        SetRoundState(ctx, round.Id, state);
        if (_hooks.DeactivateMessagesPublished(ctx, round.Id, 1, now) is { } he) return he;
        ctx.Events.Emit(RoundsEvents.DeactivateMessage(round.Id, index, state.DmsgChainLength, m.Message, key, state.NumSignUps));
        return null;
    }

    public SdkError? UploadDeactivateMessage(Context ctx, string sender, MsgUploadDeactivateMessage m)
    {
        if (Load(ctx, m.RoundId, out var round, out _) is { } e) return e;
        if (RequireAmaci(round, "upload deactivate message") is { } ke) return ke;
        if (!round.DeactivateEnabled) return RoundsErrors.DeactivateDisabled.Wrap($"round {round.Id}");
        if (sender != round.Operator) return RoundsErrors.NotOperator.Wrap($"upload deactivate message: {sender}");
        if (m.Leaves.Count == 0) return RoundsErrors.InvalidMessage.Wrap("no deactivate leaves");
        Span<Fr> values = stackalloc Fr[5];
        for (var i = 0; i < m.Leaves.Count; i++)
            if (Fields.TryParseAll(m.Leaves[i].Values, 5, $"leaves[{i}]", values) is { } le) return le;
        ctx.Events.Emit(RoundsEvents.DeactivateLeaves(round.Id, m.Leaves));
        return null;
    }

    /// <summary>aMACI messages have 10 elements; MACI rounds use Dora's legacy MACI format of 7 (no poll id in the command).</summary>
    public static int MessageLength(RoundKind kind) => MessageLength(kind, MaciFormat.Legacy);

    /// <summary>10 elements for aMACI and for MACI rounds of the poll-id format; 7 for legacy MACI rounds.</summary>
    public static int MessageLength(RoundKind kind, MaciFormat format) =>
        kind == RoundKind.Maci && format == MaciFormat.Legacy ? MaciMessageLength : MaciMessage.Length;

    public const int MaciMessageLength = 7;

    /// <summary>aMACI: H5(H5(m0..m4), H5(m5..m9), enc.x, enc.y, h). MACI: H2(H5(m0..m4), H5(m5, m6, enc.x, enc.y, h)).</summary>
    public static Fr ChainStep(RoundKind kind, in Fr previous, ReadOnlySpan<Fr> m, in BabyJubjubPoint enc) =>
        ChainStep(kind, MaciFormat.Legacy, previous, m, enc);

    /// <summary>
    /// Legacy MACI: H2(H5(m0..m4), H5(m5, m6, enc.x, enc.y, h)). aMACI and poll-id MACI (Dora's current MACI contract,
    /// <c>hash_message_and_enc_pub_key</c>): H5(H5(m0..m4), H5(m5..m9), enc.x, enc.y, h).
    /// </summary>
    public static Fr ChainStep(RoundKind kind, MaciFormat format, in Fr previous, ReadOnlySpan<Fr> m, in BabyJubjubPoint enc) =>
        kind == RoundKind.Maci && format == MaciFormat.Legacy
            ? PoseidonHash.Hash2(PoseidonHash.Hash5(m[0], m[1], m[2], m[3], m[4]), PoseidonHash.Hash5(m[5], m[6], enc.X, enc.Y, previous))
            : AmaciHashes.MessageChainStep(previous, m, enc);

    /// <summary>The MACI format of the key set the round pinned (legacy for aMACI rounds, where it does not apply).</summary>
    internal SdkError? RoundFormat(Context ctx, Round round, out MaciFormat format)
    {
        format = MaciFormat.Legacy;
        if (round.Kind != RoundKind.Maci) return null;
        if (PinnedKeys(ctx, round.Id) is not { } keys)
            return RoundsErrors.UnsupportedCircuit.Wrap($"round {round.Id} pinned no usable key set for circuit {CircuitSizes.Name(round.CircuitSize)}");
        format = keys.Source.MaciFormat;
        return null;
    }

    private static byte[] EncKeyId(ulong roundId, in BabyJubjubPoint key)
    {
        Span<byte> x = stackalloc byte[32];
        Span<byte> y = stackalloc byte[32];
        key.X.WriteBytesBigEndian(x);
        key.Y.WriteBytesBigEndian(y);
        return Keys.UsedEncKey(roundId, x, y);
    }
}
