using System.Buffers.Binary;
using Maci.Sdk.Store;
using Maci.Storage;

namespace Maci.Modules.Rounds.Types;

/// <summary>
/// The rounds module's keys, all under its store prefix and declared only here. Integers are big-endian so
/// iteration follows numeric order; addresses carry a one-byte length prefix; field elements are 32 bytes big-endian.
/// </summary>
public static class Keys
{
    public const string ModuleName = "rounds";

    /// <summary>The module account escrowing every round's fees until claim.</summary>
    public const string ModuleAccountName = ModuleName;

    public static readonly StoreKey StoreKey = new(ModuleName);

    /// <summary>0x00 → Params without circuits.</summary>
    public static readonly byte[] ParamsKey = [0x00];

    /// <summary>0x01 → next round id = poll id (8 bytes; absent = 1).</summary>
    public static readonly byte[] NextRoundIdKey = [0x01];

    /// <summary>0x02 ‖ round → Round (configuration).</summary>
    public const byte RoundPrefix = 0x02;

    /// <summary>0x03 ‖ round → RoundState (progress).</summary>
    public const byte RoundStatePrefix = 0x03;

    /// <summary>0x04 ‖ round ‖ level (1) ‖ index (8) → state tree node (only nodes ever written).</summary>
    public const byte StateNodePrefix = 0x04;

    /// <summary>0x05 ‖ round ‖ i → MSG_HASHES[i] (i ≥ 1; index 0 is 0 by definition).</summary>
    public const byte MsgHashPrefix = 0x05;

    /// <summary>0x06 ‖ round ‖ i → DMSG_HASHES[i].</summary>
    public const byte DMsgHashPrefix = 0x06;

    /// <summary>0x07 ‖ round ‖ i → the state root when the deactivate chain reached length i.</summary>
    public const byte StateRootByDMsgPrefix = 0x07;

    /// <summary>0x08 ‖ round ‖ nullifier → [1].</summary>
    public const byte NullifierPrefix = 0x08;

    /// <summary>0x09 ‖ round ‖ x ‖ y → [1]: encryption keys already used by a message.</summary>
    public const byte UsedEncKeyPrefix = 0x09;

    /// <summary>0x0A ‖ round ‖ x ‖ y → state index (8 bytes).</summary>
    public const byte SignUpPrefix = 0x0A;

    /// <summary>0x0B ‖ round → RoundResults.</summary>
    public const byte ResultsPrefix = 0x0B;

    /// <summary>0x0C ‖ round ‖ seq → DelayRecord.</summary>
    public const byte DelayRecordPrefix = 0x0C;

    /// <summary>0x0D ‖ round ‖ len ‖ address → [1]: whitelist entries that signed up.</summary>
    public const byte WhitelistUsedPrefix = 0x0D;

    /// <summary>0x0E ‖ round ‖ x ‖ y → [1]: oracle-certified keys that signed up.</summary>
    public const byte OracleUsedPrefix = 0x0E;

    /// <summary>0x0F ‖ len ‖ operator ‖ round → [1].</summary>
    public const byte ByOperatorPrefix = 0x0F;

    /// <summary>0x10 ‖ len ‖ admin ‖ round → [1].</summary>
    public const byte ByAdminPrefix = 0x10;

    /// <summary>0x11 ‖ period (1) ‖ round → [1].</summary>
    public const byte ByPeriodPrefix = 0x11;

    /// <summary>0x12 ‖ kind (1) ‖ size (4×4 bytes) → CircuitKeys.</summary>
    public const byte CircuitKeysPrefix = 0x12;

    /// <summary>0x13 ‖ round → SHA-256 of the CircuitKeys bytes the round pinned at creation (32 bytes).</summary>
    public const byte RoundKeysPrefix = 0x13;

    /// <summary>0x14 ‖ SHA-256 (32) → CircuitKeys: the key sets rounds pinned, stored once per content.</summary>
    public const byte PinnedKeysPrefix = 0x14;

    public static IReadOnlyList<(byte Prefix, string Name)> Schema { get; } =
    [
        (ParamsKey[0], "params"), (NextRoundIdKey[0], "next_round_id"), (RoundPrefix, "rounds"), (RoundStatePrefix, "round_states"),
        (StateNodePrefix, "state_tree_nodes"), (MsgHashPrefix, "msg_hashes"), (DMsgHashPrefix, "dmsg_hashes"),
        (StateRootByDMsgPrefix, "state_root_by_dmsg"), (NullifierPrefix, "nullifiers"), (UsedEncKeyPrefix, "used_enc_keys"),
        (SignUpPrefix, "signups_by_pubkey"), (ResultsPrefix, "results"), (DelayRecordPrefix, "delay_records"),
        (WhitelistUsedPrefix, "whitelist_used"), (OracleUsedPrefix, "oracle_used"), (ByOperatorPrefix, "rounds_by_operator"),
        (ByAdminPrefix, "rounds_by_admin"), (ByPeriodPrefix, "rounds_by_period"), (CircuitKeysPrefix, "circuit_keys"),
        (RoundKeysPrefix, "round_keys"), (PinnedKeysPrefix, "pinned_keys"),
    ];

    public static byte[] Round(ulong round) => WithU64(RoundPrefix, round);

    public static byte[] RoundState(ulong round) => WithU64(RoundStatePrefix, round);

    public static byte[] Results(ulong round) => WithU64(ResultsPrefix, round);

    public static byte[] RoundKeys(ulong round) => WithU64(RoundKeysPrefix, round);

    public static byte[] PinnedKeys(ReadOnlySpan<byte> sha256)
    {
        if (sha256.Length != 32) throw new ArgumentException("a pinned key set is addressed by its 32-byte SHA-256", nameof(sha256));
        var k = new byte[33];
        k[0] = PinnedKeysPrefix;
        sha256.CopyTo(k.AsSpan(1));
        return k;
    }

    public static byte[] StateNode(ulong round, int level, long index)
    {
        var k = new byte[18];
        k[0] = StateNodePrefix;
        BinaryPrimitives.WriteUInt64BigEndian(k.AsSpan(1), round);
        k[9] = checked((byte)level);
        BinaryPrimitives.WriteUInt64BigEndian(k.AsSpan(10), (ulong)index);
        return k;
    }

    public static byte[] MsgHash(ulong round, ulong index) => RoundU64(MsgHashPrefix, round, index);

    public static byte[] DMsgHash(ulong round, ulong index) => RoundU64(DMsgHashPrefix, round, index);

    public static byte[] StateRootByDMsg(ulong round, ulong index) => RoundU64(StateRootByDMsgPrefix, round, index);

    public static byte[] DelayRecord(ulong round, ulong seq) => RoundU64(DelayRecordPrefix, round, seq);

    public static byte[] DelayRecords(ulong round) => WithU64(DelayRecordPrefix, round);

    public static byte[] Nullifier(ulong round, ReadOnlySpan<byte> nullifier32) => RoundBytes(NullifierPrefix, round, nullifier32, []);

    public static byte[] UsedEncKey(ulong round, ReadOnlySpan<byte> x32, ReadOnlySpan<byte> y32) => RoundBytes(UsedEncKeyPrefix, round, x32, y32);

    public static byte[] SignUp(ulong round, ReadOnlySpan<byte> x32, ReadOnlySpan<byte> y32) => RoundBytes(SignUpPrefix, round, x32, y32);

    public static byte[] OracleUsed(ulong round, ReadOnlySpan<byte> x32, ReadOnlySpan<byte> y32) => RoundBytes(OracleUsedPrefix, round, x32, y32);

    public static byte[] WhitelistUsed(ulong round, ReadOnlySpan<byte> address)
    {
        var k = new byte[10 + address.Length];
        k[0] = WhitelistUsedPrefix;
        BinaryPrimitives.WriteUInt64BigEndian(k.AsSpan(1), round);
        k[9] = checked((byte)address.Length);
        address.CopyTo(k.AsSpan(10));
        return k;
    }

    public static byte[] ByOperator(ReadOnlySpan<byte> address, ulong round) => AddressRound(ByOperatorPrefix, address, round);

    public static byte[] ByOperatorPrefixOf(ReadOnlySpan<byte> address) => AddressRound(ByOperatorPrefix, address, null);

    public static byte[] ByAdmin(ReadOnlySpan<byte> address, ulong round) => AddressRound(ByAdminPrefix, address, round);

    public static byte[] ByAdminPrefixOf(ReadOnlySpan<byte> address) => AddressRound(ByAdminPrefix, address, null);

    public static byte[] ByPeriod(int period, ulong round)
    {
        var k = new byte[10];
        k[0] = ByPeriodPrefix;
        k[1] = checked((byte)period);
        BinaryPrimitives.WriteUInt64BigEndian(k.AsSpan(2), round);
        return k;
    }

    public static byte[] ByPeriodPrefixOf(int period) => [ByPeriodPrefix, checked((byte)period)];

    public static byte[] CircuitKeys(int kind, uint stateDepth, uint intStateDepth, uint voteOptionDepth, uint batchSize)
    {
        var k = new byte[18];
        k[0] = CircuitKeysPrefix;
        k[1] = checked((byte)kind);
        BinaryPrimitives.WriteUInt32BigEndian(k.AsSpan(2), stateDepth);
        BinaryPrimitives.WriteUInt32BigEndian(k.AsSpan(6), intStateDepth);
        BinaryPrimitives.WriteUInt32BigEndian(k.AsSpan(10), voteOptionDepth);
        BinaryPrimitives.WriteUInt32BigEndian(k.AsSpan(14), batchSize);
        return k;
    }

    /// <summary>The round id at the end of a round-keyed index key.</summary>
    public static ulong TrailingRoundId(ReadOnlySpan<byte> key) => BinaryPrimitives.ReadUInt64BigEndian(key[^8..]);

    public static byte[] PrefixEnd(ReadOnlySpan<byte> prefix) => KeyPrefix.End(prefix);

    public static byte[] U64(ulong v)
    {
        var b = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(b, v);
        return b;
    }

    private static byte[] WithU64(byte prefix, ulong value)
    {
        var k = new byte[9];
        k[0] = prefix;
        BinaryPrimitives.WriteUInt64BigEndian(k.AsSpan(1), value);
        return k;
    }

    private static byte[] RoundU64(byte prefix, ulong round, ulong value)
    {
        var k = new byte[17];
        k[0] = prefix;
        BinaryPrimitives.WriteUInt64BigEndian(k.AsSpan(1), round);
        BinaryPrimitives.WriteUInt64BigEndian(k.AsSpan(9), value);
        return k;
    }

    private static byte[] RoundBytes(byte prefix, ulong round, ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        var k = new byte[9 + a.Length + b.Length];
        k[0] = prefix;
        BinaryPrimitives.WriteUInt64BigEndian(k.AsSpan(1), round);
        a.CopyTo(k.AsSpan(9));
        b.CopyTo(k.AsSpan(9 + a.Length));
        return k;
    }

    private static byte[] AddressRound(byte prefix, ReadOnlySpan<byte> address, ulong? round)
    {
        var k = new byte[2 + address.Length + (round is null ? 0 : 8)];
        k[0] = prefix;
        k[1] = checked((byte)address.Length);
        address.CopyTo(k.AsSpan(2));
        if (round is { } r) BinaryPrimitives.WriteUInt64BigEndian(k.AsSpan(2 + address.Length), r);
        return k;
    }
}
