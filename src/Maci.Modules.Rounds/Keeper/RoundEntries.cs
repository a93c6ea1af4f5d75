using System.Buffers.Binary;
using System.Security.Cryptography;
using Google.Protobuf;
using Maci.Crypto.Bn254;
using Maci.Modules.Rounds.Types;
using Maci.Proto.Maci.Rounds.V1;
using Maci.Storage;

namespace Maci.Modules.Rounds.Keeper;

/// <summary>
/// Genesis format 1 for rounds: every store entry that belongs to a round, grouped per round, with the key set the round
/// pinned. Export reads the store in key order, so the output is canonical; validation checks each key's shape, that it
/// carries its group's round id, each value's shape, the counts the round's progress implies and the pinned keys.
/// </summary>
public static class RoundEntries
{
    public const uint Format = 1;

    /// <summary>
    /// Every round's entries, ascending by round id then key. A pinned key set is shared in the store but exported with
    /// every round that pinned it (its key sorts last), so each round's group is complete on its own.
    /// </summary>
    public static List<RoundExport> Export(IKvStore store)
    {
        var byRound = new SortedDictionary<ulong, RoundExport>();
        using (var it = store.Iterate([], []))
            for (; it.Valid; it.Next())
            {
                var key = it.Key;
                if (IsModuleWide(key) || key[0] == Keys.PinnedKeysPrefix) continue;
                if (Classify(key, out var round) is { } err) throw new InvalidDataException($"rounds state: {err}");
                if (!byRound.TryGetValue(round, out var group)) byRound[round] = group = new RoundExport { RoundId = round };
                group.Entries.Add(new StoreEntry { Key = ByteString.CopyFrom(key), Value = ByteString.CopyFrom(it.Value) });
            }
        foreach (var group in byRound.Values)
        {
            var pin = group.Entries.FirstOrDefault(e => e.Key[0] == Keys.RoundKeysPrefix);
            if (pin is null) continue;
            var key = Keys.PinnedKeys(pin.Value.Span);
            var keys = store.Get(key) ?? throw new InvalidDataException($"rounds state: round {group.RoundId} pins a key set that is not stored");
            group.Entries.Add(new StoreEntry { Key = ByteString.CopyFrom(key), Value = ByteString.CopyFrom(keys) });
        }
        return [.. byRound.Values];
    }

    /// <summary>Null when the rounds are a faithful, self-consistent store image; otherwise the first problem.</summary>
    public static string? Validate(IReadOnlyList<RoundExport> rounds, ulong nextRoundId)
    {
        ulong previous = 0;
        foreach (var r in rounds)
        {
            if (r.RoundId == 0 || r.RoundId >= nextRoundId) return $"round {r.RoundId}: id must be in [1, next_round_id {nextRoundId})";
            if (r.RoundId <= previous) return $"round {r.RoundId}: rounds must be listed once each, ascending by id";
            previous = r.RoundId;
            if (ValidateRound(r) is { } err) return $"round {r.RoundId}: {err}";
        }
        return null;
    }

    private static string? ValidateRound(RoundExport r)
    {
        Round? config = null;
        RoundState? state = null;
        StoreEntry? pinned = null;
        ulong msgHashes = 0, dmsgHashes = 0, rootsByDmsg = 0, periods = 0;
        var periodKey = Array.Empty<byte>();
        ReadOnlySpan<byte> last = [];
        for (var i = 0; i < r.Entries.Count; i++)
        {
            var key = r.Entries[i].Key.Span;
            var value = r.Entries[i].Value.Span;
            if (key.IsEmpty) return $"entry {i} has an empty key";
            if (IsModuleWide(key)) return $"entry {i}: {TableName(key[0])} is not round state";
            if (key[0] == Keys.PinnedKeysPrefix)
            {
                if (key.Length != 33) return $"entry {i}: pinned_keys key must be 33 bytes, got {key.Length}";
                if (pinned is not null) return $"entry {i}: a round carries one pinned key set";
                pinned = r.Entries[i];
            }
            else
            {
                if (Classify(key, out var owner) is { } kerr) return $"entry {i}: {kerr}";
                if (owner != r.RoundId) return $"entry {i} ({TableName(key[0])}) belongs to round {owner}, not to round {r.RoundId}";
            }
            if (i > 0)
            {
                var order = key.SequenceCompareTo(last);
                if (order == 0) return $"entry {i}: duplicated {TableName(key[0])} key {Convert.ToHexString(key)}";
                if (order < 0) return $"entry {i}: entries must be sorted by key";
            }
            last = key;
            if (CheckValue(key, value, ref config, ref state) is { } verr) return $"entry {i} ({TableName(key[0])}): {verr}";
            switch (key[0])
            {
                case Keys.MsgHashPrefix: if (Index(key) != ++msgHashes) return $"msg_hashes must run 1, 2, … without gaps (found {Index(key)})"; break;
                case Keys.DMsgHashPrefix: if (Index(key) != ++dmsgHashes) return $"dmsg_hashes must run 1, 2, … without gaps (found {Index(key)})"; break;
                case Keys.StateRootByDMsgPrefix: if (Index(key) != ++rootsByDmsg) return $"state_root_by_dmsg must run 1, 2, … without gaps (found {Index(key)})"; break;
                case Keys.ByPeriodPrefix: periods++; periodKey = key.ToArray(); break;
            }
        }
        if (config is null) return "the round configuration (rounds table) is missing";
        if (state is null) return "the round progress (round_states table) is missing";
        if (config.Id != r.RoundId) return $"the configuration carries id {config.Id}";
        if (msgHashes != state.MsgChainLength) return $"{msgHashes} msg_hashes for a message chain of length {state.MsgChainLength}";
        if (dmsgHashes != state.DmsgChainLength) return $"{dmsgHashes} dmsg_hashes for a deactivate chain of length {state.DmsgChainLength}";
        if (rootsByDmsg != state.DmsgChainLength) return $"{rootsByDmsg} state_root_by_dmsg for a deactivate chain of length {state.DmsgChainLength}";
        if (periods != 1 || periodKey[1] != (byte)state.Period) return $"the rounds_by_period listing must hold the round once, under its period {state.Period}";
        if (CheckIndexes(r, config, state) is { } ierr) return ierr;
        if (CheckPinnedKeys(r, config, pinned) is { } perr) return perr;
        if (!UInt128.TryParse(state.Escrow.Length == 0 ? "0" : state.Escrow, out _)) return $"escrow '{Fields.Clip(state.Escrow)}' is not an amount";
        return null;
    }

    /// <summary>State tree nodes lie inside the round's tree; sign-up indexes point at signed-up leaves.</summary>
    private static string? CheckIndexes(RoundExport r, Round config, RoundState state)
    {
        var depth = (int)config.CircuitSize.StateTreeDepth;
        foreach (var e in r.Entries)
        {
            var key = e.Key.Span;
            if (key[0] == Keys.StateNodePrefix)
            {
                int level = key[9];
                var index = BinaryPrimitives.ReadUInt64BigEndian(key[10..18]);
                if (level > depth) return $"state tree node at level {level} in a tree of depth {depth}";
                ulong width = 1;
                for (var h = level; h < depth; h++) width *= 5;
                if (index >= width) return $"state tree node {index} at level {level} is outside the tree (width {width})";
            }
            else if (key[0] == Keys.SignUpPrefix)
            {
                var index = BinaryPrimitives.ReadUInt64BigEndian(e.Value.Span);
                if (index >= state.NumSignUps) return $"sign-up index {index} is not below num_sign_ups {state.NumSignUps}";
            }
        }
        return null;
    }

    /// <summary>The round pins exactly the key set it carries: addressed by its SHA-256, of its kind and size, decodable.</summary>
    private static string? CheckPinnedKeys(RoundExport r, Round config, StoreEntry? pinned)
    {
        var pin = r.Entries.FirstOrDefault(e => e.Key[0] == Keys.RoundKeysPrefix);
        if (pin is null) return "the pinned circuit keys (round_keys) are missing";
        if (pinned is null) return "the key set the round pins (pinned_keys) is missing";
        if (!pinned.Key.Span[1..].SequenceEqual(pin.Value.Span)) return "the pinned_keys entry is not the key set the round pins";
        if (!SHA256.HashData(pinned.Value.Span).AsSpan().SequenceEqual(pin.Value.Span)) return "the pinned key set does not hash to its key";
        var keys = CircuitKeys.Parser.ParseFrom(pinned.Value);
        if (keys.Kind != config.Kind || !Equals(keys.Size, config.CircuitSize))
            return $"the pinned keys are for {keys.Kind} {CircuitSizes.Name(keys.Size)}, the round is {config.Kind} {CircuitSizes.Name(config.CircuitSize)}";
        return CircuitKeyCache.TryDecode(keys, allowGammaEqualDelta: true, out _) is { } kerr ? $"pinned keys: {kerr}" : null;
    }

    private static string? CheckValue(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, ref Round? config, ref RoundState? state)
    {
        try
        {
            switch (key[0])
            {
                case Keys.RoundPrefix: config = Round.Parser.ParseFrom(value); return null;
                case Keys.RoundStatePrefix: state = RoundState.Parser.ParseFrom(value); return null;
                case Keys.ResultsPrefix: RoundResults.Parser.ParseFrom(value); return null;
                case Keys.DelayRecordPrefix: DelayRecord.Parser.ParseFrom(value); return null;
                case Keys.PinnedKeysPrefix: CircuitKeys.Parser.ParseFrom(value); return null;
            }
        }
        catch (InvalidProtocolBufferException e)
        {
            return $"value is not a valid protobuf message: {e.Message}";
        }
        switch (key[0])
        {
            case Keys.StateNodePrefix or Keys.MsgHashPrefix or Keys.DMsgHashPrefix or Keys.StateRootByDMsgPrefix:
                return value.Length == 32 && Fr.TryFromBytesBigEndian(value, out _) ? null : $"value must be a 32-byte field element below the modulus, got {value.Length} bytes";
            case Keys.SignUpPrefix:
                return value.Length == 8 ? null : $"value must be an 8-byte state index, got {value.Length} bytes";
            case Keys.RoundKeysPrefix:
                return value.Length == 32 ? null : $"value must be a 32-byte SHA-256, got {value.Length} bytes";
            default:
                return value.Length == 1 && value[0] == 1 ? null : "value must be the marker byte 01";
        }
    }

    private static bool IsModuleWide(ReadOnlySpan<byte> key) =>
        key.IsEmpty || key[0] == Keys.ParamsKey[0] || key[0] == Keys.NextRoundIdKey[0] || key[0] == Keys.CircuitKeysPrefix;

    /// <summary>Checks the key's length for its table and reads the round id it carries.</summary>
    private static string? Classify(ReadOnlySpan<byte> key, out ulong round)
    {
        round = 0;
        int expected;
        var trailing = false;
        switch (key[0])
        {
            case Keys.RoundPrefix or Keys.RoundStatePrefix or Keys.ResultsPrefix or Keys.RoundKeysPrefix: expected = 9; break;
            case Keys.StateNodePrefix: expected = 18; break;
            case Keys.MsgHashPrefix or Keys.DMsgHashPrefix or Keys.StateRootByDMsgPrefix or Keys.DelayRecordPrefix: expected = 17; break;
            case Keys.NullifierPrefix: expected = 41; break;
            case Keys.UsedEncKeyPrefix or Keys.SignUpPrefix or Keys.OracleUsedPrefix: expected = 73; break;
            case Keys.WhitelistUsedPrefix: expected = key.Length >= 10 ? 10 + key[9] : 10; break;
            case Keys.ByOperatorPrefix or Keys.ByAdminPrefix: expected = key.Length >= 2 ? 10 + key[1] : 10; trailing = true; break;
            case Keys.ByPeriodPrefix: expected = 10; trailing = true; break;
            default: return $"unknown table prefix 0x{key[0]:X2}";
        }
        if (key.Length != expected) return $"{TableName(key[0])} key must be {expected} bytes, got {key.Length}";
        round = trailing ? Keys.TrailingRoundId(key) : BinaryPrimitives.ReadUInt64BigEndian(key[1..9]);
        return null;
    }

    private static ulong Index(ReadOnlySpan<byte> key) => BinaryPrimitives.ReadUInt64BigEndian(key[9..17]);

    private static string TableName(byte prefix)
    {
        foreach (var (p, name) in Keys.Schema)
            if (p == prefix) return name;
        return $"0x{prefix:X2}";
    }
}
