using System.Buffers.Binary;
using Maci.Sdk.Store;
using Maci.Storage;

namespace Maci.Modules.Insurance.Types;

/// <summary>
/// The insurance module's keys, all under its store prefix, declared only here. Integers are big-endian so
/// iteration follows numeric order; addresses carry a one-byte length prefix.
/// </summary>
public static class Keys
{
    public const string ModuleName = "insurance";

    /// <summary>The module account holding deposits (locked, unbonding or free) and escrowed premiums.</summary>
    public const string ModuleAccountName = ModuleName;

    public static readonly StoreKey StoreKey = new(ModuleName);

    /// <summary>0x00 → Params.</summary>
    public static readonly byte[] ParamsKey = [0x00];

    /// <summary>0x01 ‖ len(address) ‖ address → Operator.</summary>
    public const byte OperatorPrefix = 0x01;

    /// <summary>0x02 ‖ x (32 bytes BE) ‖ y (32 bytes BE) → operator address (coordinator key uniqueness).</summary>
    public const byte PubKeyIndexPrefix = 0x02;

    /// <summary>0x03 ‖ round id → Policy (active and settled).</summary>
    public const byte PolicyPrefix = 0x03;

    /// <summary>0x04 ‖ round id → [1] for each active policy (scanned by EndBlock for tally timeouts).</summary>
    public const byte ActivePolicyPrefix = 0x04;

    /// <summary>0x05 ‖ round id ‖ seq → DeactivateBatch (FIFO of published, unprocessed deactivate messages).</summary>
    public const byte DeactivateBatchPrefix = 0x05;

    /// <summary>0x06 ‖ completion time ‖ seq → UnbondingEntry (time-ordered release queue).</summary>
    public const byte UnbondingPrefix = 0x06;

    /// <summary>0x07 → next unbonding sequence number (8 bytes).</summary>
    public static readonly byte[] NextUnbondingSeqKey = [0x07];

    /// <summary>0x08 ‖ len(address) ‖ address ‖ round id → [1] (policies of one operator).</summary>
    public const byte OperatorPolicyPrefix = 0x08;

    /// <summary>Every prefix with its schema name; checked for collisions by the tests.</summary>
    public static IReadOnlyList<(byte Prefix, string Name)> Schema { get; } =
    [
        (ParamsKey[0], "params"), (OperatorPrefix, "operators"), (PubKeyIndexPrefix, "operators_by_pubkey"),
        (PolicyPrefix, "policies"), (ActivePolicyPrefix, "active_policies"), (DeactivateBatchPrefix, "deactivate_batches"),
        (UnbondingPrefix, "unbonding_queue"), (NextUnbondingSeqKey[0], "next_unbonding_seq"),
        (OperatorPolicyPrefix, "policies_by_operator"),
    ];

    public static byte[] Operator(ReadOnlySpan<byte> address) => WithAddress(OperatorPrefix, address, 0);

    public static byte[] PubKeyIndex(ReadOnlySpan<byte> x32, ReadOnlySpan<byte> y32)
    {
        var k = new byte[65];
        k[0] = PubKeyIndexPrefix;
        x32.CopyTo(k.AsSpan(1, 32));
        y32.CopyTo(k.AsSpan(33, 32));
        return k;
    }

    public static byte[] Policy(ulong roundId) => WithU64(PolicyPrefix, roundId);

    public static byte[] ActivePolicy(ulong roundId) => WithU64(ActivePolicyPrefix, roundId);

    public static byte[] DeactivateBatches(ulong roundId) => WithU64(DeactivateBatchPrefix, roundId);

    public static byte[] DeactivateBatch(ulong roundId, ulong seq)
    {
        var k = new byte[17];
        k[0] = DeactivateBatchPrefix;
        BinaryPrimitives.WriteUInt64BigEndian(k.AsSpan(1), roundId);
        BinaryPrimitives.WriteUInt64BigEndian(k.AsSpan(9), seq);
        return k;
    }

    public static byte[] Unbonding(long completionTime, ulong seq)
    {
        var k = new byte[17];
        k[0] = UnbondingPrefix;
        BinaryPrimitives.WriteUInt64BigEndian(k.AsSpan(1), TimeKey(completionTime));
        BinaryPrimitives.WriteUInt64BigEndian(k.AsSpan(9), seq);
        return k;
    }

    /// <summary>The exclusive end of the unbonding entries that mature at or before <paramref name="time"/>.</summary>
    public static byte[] UnbondingMaturedEnd(long time)
    {
        var t = TimeKey(time);
        if (t == ulong.MaxValue) return [UnbondingPrefix + 1];
        return WithU64(UnbondingPrefix, t + 1);
    }

    public static byte[] OperatorPolicies(ReadOnlySpan<byte> address) => WithAddress(OperatorPolicyPrefix, address, 0);

    public static byte[] OperatorPolicy(ReadOnlySpan<byte> address, ulong roundId)
    {
        var k = WithAddress(OperatorPolicyPrefix, address, 8);
        BinaryPrimitives.WriteUInt64BigEndian(k.AsSpan(k.Length - 8), roundId);
        return k;
    }

    /// <summary>The round id at the end of a round-keyed key (policy, active policy, operator policy).</summary>
    public static ulong TrailingRoundId(ReadOnlySpan<byte> key) => BinaryPrimitives.ReadUInt64BigEndian(key[^8..]);

    /// <summary>The smallest key greater than every key starting with <paramref name="prefix"/>.</summary>
    public static byte[] PrefixEnd(ReadOnlySpan<byte> prefix) => KeyPrefix.End(prefix);

    // Block times before 1970 do not occur; clamp so the key order stays numeric.
    private static ulong TimeKey(long time) => time < 0 ? 0UL : (ulong)time;

    private static byte[] WithU64(byte prefix, ulong value)
    {
        var k = new byte[9];
        k[0] = prefix;
        BinaryPrimitives.WriteUInt64BigEndian(k.AsSpan(1), value);
        return k;
    }

    private static byte[] WithAddress(byte prefix, ReadOnlySpan<byte> address, int extra)
    {
        var k = new byte[2 + address.Length + extra];
        k[0] = prefix;
        k[1] = checked((byte)address.Length);
        address.CopyTo(k.AsSpan(2));
        return k;
    }
}
