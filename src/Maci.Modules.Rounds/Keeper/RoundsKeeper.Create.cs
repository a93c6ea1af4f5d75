using System.Security.Cryptography;
using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;
using Maci.Crypto.Amaci;
using Maci.Crypto.Cosmos;
using Maci.Crypto.Trees;
using Maci.Modules.Rounds.Types;
using Maci.Proto.Maci.Rounds.V1;
using Maci.Sdk;
using Maci.Sdk.Assets;
using Maci.Sdk.Errors;

namespace Maci.Modules.Rounds.Keeper;

public sealed partial class RoundsKeeper
{
    /// <summary>Dora's CREATE_ROUND_WINDOW: voting must last more than 600 s.</summary>
    public const long MinVotingSeconds = 600;

    public const int MaxWhitelistEntries = 625;

    /// <summary>Creates a round (Dora's registry create_round + round instantiate). Returns the new round id (= poll id).</summary>
    public SdkError? CreateRound(Context ctx, byte[] creator, MsgCreateRound m, out ulong roundId)
    {
        roundId = 0;
        var p = GetParams(ctx);
        if (Accounts.Codec.TryDecode(m.Operator, out var op) is { } ae) return ae.Prefix("invalid operator address");
        if (m.Kind == RoundKind.Unspecified) return RoundsErrors.InvalidRoundConfig.Wrap("round kind is missing");
        if (m.CircuitSize is null) return RoundsErrors.InvalidRoundConfig.Wrap("circuit_size is missing");
        var amaci = m.Kind == RoundKind.Amaci;
        var probe = new Round { Kind = m.Kind, CircuitSize = m.CircuitSize };
        if (GetCircuitKeys(ctx, m.Kind, m.CircuitSize) is null || DecodedKeys(ctx, probe) is null)
            return RoundsErrors.UnsupportedCircuit.Wrap($"{m.Kind} circuit {CircuitSizes.Name(m.CircuitSize)} has no usable verifying keys");
        if (_operators.CoordinatorKey(ctx, op) is not { } coordinator)
            return RoundsErrors.NoCoordinatorKey.Wrap($"operator {m.Operator}");
        if (ValidateVotingTime(ctx, m.VotingStart, m.VotingEnd) is { } te) return te;
        if (ValidateOptions(m.VoteOptions, m.CircuitSize) is { } oe) return oe;
        if (ValidateInfo(m.Info) is { } ie) return ie;
        if (m.MaxVotesPerOption >= 1UL << 32) return RoundsErrors.InvalidRoundConfig.Wrap("max_votes_per_option must be below 2^32");
        if (m.CircuitType is not (CircuitType.OnePersonOneVote or CircuitType.Quadratic))
            return RoundsErrors.InvalidRoundConfig.Wrap($"unknown circuit type {(int)m.CircuitType}");
        if (ValidateRegistration(m.Kind, m.VoiceCreditMode, m.RegistrationMode, m.DeactivateEnabled, m.CircuitSize) is { } re) return re;
        if (!amaci && ValidateMaci(m) is { } me) return me;

        var state = new RoundState
        {
            Period = Period.Pending,
            CoordinatorHash = Fields.Write(AmaciHashes.PublicKeyHash(coordinator)),
            CurrentStateCommitment = "0",
            CurrentTallyCommitment = "0",
            DeactivateRoot = "0",
            CurrentDeactivateCommitment = Fields.Write(amaci ? InitialDeactivateCommitment((int)m.CircuitSize.StateTreeDepth) : Fr.Zero),
            TotalResult = "0",
            Escrow = "0",
        };
        ApplyPrePopulated(m.RegistrationMode, state);

        var baseFee = Amount(p.DefaultFees.BaseFee);
        if (CheckFee(m.Fee, p.Denom, baseFee, "create round") is { } fe) return fe;
        if (Escrow(ctx, creator, p.Denom, baseFee, state) is { } be) return be;

        roundId = GetNextRoundId(ctx);
        var round = new Round
        {
            Id = roundId, Kind = m.Kind, Admin = Accounts.Codec.Encode(creator), Operator = Accounts.Codec.Encode(op),
            Coordinator = Fields.ToProto(coordinator), CircuitSize = m.CircuitSize.Clone(), Info = m.Info.Clone(),
            VotingStart = m.VotingStart, VotingEnd = m.VotingEnd, CircuitType = m.CircuitType,
            MaxVotesPerOption = m.MaxVotesPerOption, VoiceCreditMode = m.VoiceCreditMode?.Clone() ?? new VoiceCreditMode(),
            RegistrationMode = m.RegistrationMode?.Clone() ?? new RegistrationMode(), DeactivateEnabled = m.DeactivateEnabled,
            Fees = p.DefaultFees.Clone(), Delays = p.DefaultDelays.Clone(), FeeRecipient = p.FeeRecipient,
            VotingPower = m.VotingPower?.Clone(), MaxVoters = m.MaxVoters,
        };
        round.VoteOptions.AddRange(m.VoteOptions);
        SetNextRoundId(ctx, roundId + 1);
        SetRound(ctx, round);
        var store = Store(ctx);
        store.Set(Keys.ByPeriod((int)Period.Pending, roundId), [1]);
        store.Set(Keys.ByOperator(op, roundId), [1]);
        store.Set(Keys.ByAdmin(creator, roundId), [1]);
        PinCircuitKeys(ctx, round);
        SetRoundState(ctx, roundId, state);
        ctx.Events.Emit(RoundsEvents.Created(round, state));
        return null;
    }

    /// <summary>
    /// Fixes the verifying keys of the round's circuit as they are now (Dora's round contract takes its keys at
    /// instantiation): the key set is stored once under its SHA-256 and the round records that hash, so later params
    /// changes, including removing the size, leave the round's proofs alone.
    /// </summary>
    private static void PinCircuitKeys(Context ctx, Round round)
    {
        var store = Store(ctx);
        var bytes = store.Get(CircuitKey((int)round.Kind, round.CircuitSize))
                    ?? throw new InvalidOperationException($"circuit {CircuitSizes.Name(round.CircuitSize)} has no keys to pin");
        var hash = SHA256.HashData(bytes);
        var pinned = Keys.PinnedKeys(hash);
        if (!store.Has(pinned)) store.Set(pinned, bytes);
        store.Set(Keys.RoundKeys(round.Id), hash);
    }

    /// <summary>H2(ZEROS[depth], ZEROS[depth + 2]) over zero-leaf-0 quinary trees: empty active-state and deactivate trees.</summary>
    public static Fr InitialDeactivateCommitment(int stateDepth)
    {
        var zeros = PoseidonMerkleTree.ZeroHashes(5, stateDepth + 2, Fr.Zero);
        return AmaciHashes.DeactivateCommitment(zeros[stateDepth], zeros[stateDepth + 2]);
    }

    private static SdkError? ValidateVotingTime(Context ctx, long start, long end)
    {
        if (end < Now(ctx)) return RoundsErrors.InvalidRoundConfig.Wrap($"voting end {end} is before the block time {Now(ctx)}");
        if (start >= end) return RoundsErrors.InvalidRoundConfig.Wrap("voting start must be before voting end");
        if (start > long.MaxValue - MinVotingSeconds || start + MinVotingSeconds >= end)
            return RoundsErrors.InvalidRoundConfig.Wrap($"voting must last more than {MinVotingSeconds} seconds");
        return null;
    }

    private static SdkError? ValidateOptions(IReadOnlyList<string> options, CircuitSize size)
    {
        var max = CircuitSizes.Pow5(size.VoteOptionTreeDepth);
        if (options.Count == 0) return RoundsErrors.InvalidRoundConfig.Wrap("at least one vote option is needed");
        if ((ulong)options.Count > max) return RoundsErrors.InvalidRoundConfig.Wrap($"{options.Count} vote options exceed the circuit's {max}");
        foreach (var o in options)
            if (o.Length > 256) return RoundsErrors.InvalidRoundConfig.Wrap("a vote option is longer than 256 characters");
        return null;
    }

    private static SdkError? ValidateInfo(RoundText? info)
    {
        if (info is null || string.IsNullOrWhiteSpace(info.Title)) return RoundsErrors.InvalidRoundConfig.Wrap("round title must not be empty");
        if (info.Title.Length > 256 || info.Description.Length > 10_000 || info.Link.Length > 1024)
            return RoundsErrors.InvalidRoundConfig.Wrap("round info is too long (title 256, description 10000, link 1024)");
        return null;
    }

    private SdkError? ValidateRegistration(RoundKind kind, VoiceCreditMode? credits, RegistrationMode? mode, bool deactivate, CircuitSize size)
    {
        if (mode is null || mode.ModeCase == RegistrationMode.ModeOneofCase.None)
            return RoundsErrors.InvalidRoundConfig.Wrap("registration mode is missing");
        var dynamic = credits?.Dynamic ?? false;
        if (!dynamic)
        {
            if (credits is null || !Coin.TryParseAmount(credits.UnifiedAmount, out var amount) || amount == UInt128.Zero)
                return RoundsErrors.InvalidRoundConfig.Wrap("unified voice credit amount must be a positive integer");
        }
        if (kind == RoundKind.Maci)
        {
            if (deactivate) return RoundsErrors.InvalidRoundConfig.Wrap("MACI rounds have no deactivation");
            if (mode.ModeCase == RegistrationMode.ModeOneofCase.PrePopulated)
                return RoundsErrors.InvalidRoundConfig.Wrap("MACI rounds cannot be pre-populated");
        }
        if (deactivate && dynamic) return RoundsErrors.InvalidRoundConfig.Wrap("deactivation needs the unified voice credit mode");
        switch (mode.ModeCase)
        {
            case RegistrationMode.ModeOneofCase.StaticWhitelist:
                var users = mode.StaticWhitelist.Users;
                if (users.Count > MaxWhitelistEntries) return RoundsErrors.InvalidRoundConfig.Wrap($"the whitelist holds at most {MaxWhitelistEntries} entries");
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var u in users)
                {
                    if (Accounts.Codec.TryDecode(u.Address, out var raw) is { } e) return RoundsErrors.InvalidRoundConfig.Wrap($"whitelist: {e.Log}");
                    if (!seen.Add(Accounts.Codec.Encode(raw))) return RoundsErrors.InvalidRoundConfig.Wrap($"whitelist lists {u.Address} twice");
                    if (dynamic && (!Coin.TryParseAmount(u.VoiceCreditAmount, out var a) || a == UInt128.Zero))
                        return RoundsErrors.InvalidRoundConfig.Wrap($"whitelist entry {u.Address} needs a positive voice credit amount in dynamic mode");
                }
                if ((ulong)users.Count > CircuitSizes.Pow5(size.StateTreeDepth))
                    return RoundsErrors.InvalidRoundConfig.Wrap("the whitelist is larger than the state tree");
                return null;
            case RegistrationMode.ModeOneofCase.Oracle:
                if (!Secp256k1.IsValidPublicKey(mode.Oracle.OraclePubkey.Span) || mode.Oracle.OraclePubkey.Length != 33)
                    return RoundsErrors.InvalidRoundConfig.Wrap("oracle public key must be a 33-byte compressed secp256k1 key");
                return null;
            case RegistrationMode.ModeOneofCase.PrePopulated:
                if (dynamic) return RoundsErrors.InvalidRoundConfig.Wrap("a pre-populated round needs the unified voice credit mode");
                if (Fields.TryParse(mode.PrePopulated.PreDeactivateRoot, "pre_deactivate_root", out _) is { } fe)
                    return RoundsErrors.InvalidRoundConfig.Wrap(fe.Log);
                if (Fields.TryParsePoint(mode.PrePopulated.PreDeactivateCoordinator, "pre_deactivate_coordinator", out _) is { } pe)
                    return RoundsErrors.InvalidRoundConfig.Wrap(pe.Log);
                return null;
            default:
                return RoundsErrors.InvalidRoundConfig.Wrap("unknown registration mode");
        }
    }

    private static SdkError? ValidateMaci(MsgCreateRound m)
    {
        var capacity = CircuitSizes.Pow5(m.CircuitSize.StateTreeDepth);
        if (m.MaxVoters == 0 || m.MaxVoters > capacity)
            return RoundsErrors.InvalidRoundConfig.Wrap($"max_voters must be 1..{capacity}");
        if (m.RegistrationMode.ModeCase == RegistrationMode.ModeOneofCase.Oracle)
        {
            var vp = m.VotingPower;
            if (vp is null) return RoundsErrors.InvalidRoundConfig.Wrap("an oracle MACI round needs voting_power");
            var value = vp.Mode == VotingPowerArgs.Types.Mode.Slope ? vp.Slope : vp.Threshold;
            if (!Coin.TryParseAmount(value, out var v) || v == UInt128.Zero)
                return RoundsErrors.InvalidRoundConfig.Wrap("voting_power slope/threshold must be a positive integer");
        }
        return null;
    }

    private static void ApplyPrePopulated(RegistrationMode? mode, RoundState state)
    {
        if (mode?.ModeCase != RegistrationMode.ModeOneofCase.PrePopulated)
        {
            state.PreDeactivateRoot = "";
            state.PreDeactivateCoordinatorHash = "";
            return;
        }
        var root = Fr.Parse(mode.PrePopulated.PreDeactivateRoot);
        var coord = Fields.ReadPoint(mode.PrePopulated.PreDeactivateCoordinator);
        state.PreDeactivateRoot = Fields.Write(root);
        state.PreDeactivateCoordinatorHash = Fields.Write(AmaciHashes.PublicKeyHash(coord));
    }
}
