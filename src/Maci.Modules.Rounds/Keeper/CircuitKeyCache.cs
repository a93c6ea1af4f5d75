using Maci.Crypto.Groth16;
using Maci.Proto.Maci.Rounds.V1;
using ProtoKey = Maci.Proto.Maci.Rounds.V1.VerifyingKey;
using CryptoKey = Maci.Crypto.Groth16.VerifyingKey;

namespace Maci.Modules.Rounds.Keeper;

/// <summary>
/// Decoded and prepared Groth16 keys per circuit, so a proof-carrying tx never re-decodes hex or re-prepares G2
/// points. Entries are named by the caller: a round's pinned key set by its SHA-256 (hex), the params' keys probed at round
/// creation by kind/size. An entry is reused only while the stored bytes are unchanged (compared byte for byte, without
/// parsing), so a params change reaches the next creation at once. Verification itself is stateless and may run in CheckTx.
/// </summary>
public sealed class CircuitKeyCache
{
    private readonly object _lock = new();
    private readonly Dictionary<string, (byte[] Stored, bool AllowGammaEqualDelta, DecodedCircuitKeys Keys)> _entries = new(StringComparer.Ordinal);

    /// <summary>The decoded keys for the stored bytes of one circuit's keys; null when they do not decode.</summary>
    public DecodedCircuitKeys? Get(string id, byte[] stored, bool allowGammaEqualDelta)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(id, out var e) && e.AllowGammaEqualDelta == allowGammaEqualDelta && e.Stored.AsSpan().SequenceEqual(stored))
                return e.Keys;
        }
        if (TryDecode(CircuitKeys.Parser.ParseFrom(stored), allowGammaEqualDelta, out var decoded) is not null) return null;
        // Warm the pairing precomputation outside the lock.
        _ = decoded!.Process.Prepared;
        _ = decoded.Tally.Prepared;
        _ = decoded.Deactivate?.Prepared;
        _ = decoded.AddNewKey?.Prepared;
        lock (_lock) _entries[id] = ((byte[])stored.Clone(), allowGammaEqualDelta, decoded);
        return decoded;
    }

    /// <summary>Decodes and checks one circuit's keys; returns an error text or null.</summary>
    public static string? TryDecode(CircuitKeys c, bool allowGammaEqualDelta, out DecodedCircuitKeys? decoded)
    {
        decoded = null;
        var amaci = c.Kind == RoundKind.Amaci;
        if (c.MaciFormat is not (MaciFormat.Legacy or MaciFormat.PollId)) return $"maci_format {(int)c.MaciFormat} is unknown";
        if (amaci && c.MaciFormat != MaciFormat.Legacy) return "maci_format applies to MACI key sets only (aMACI key sets leave it unset)";
        if (Decode(c.Process, "process", allowGammaEqualDelta, out var process) is { } e1) return e1;
        if (Decode(c.Tally, "tally", allowGammaEqualDelta, out var tally) is { } e2) return e2;
        CryptoKey? deactivate = null, addNewKey = null;
        if (amaci)
        {
            if (Decode(c.Deactivate, "deactivate", allowGammaEqualDelta, out deactivate) is { } e3) return e3;
            if (Decode(c.AddNewKey, "add_new_key", allowGammaEqualDelta, out addNewKey) is { } e4) return e4;
        }
        decoded = new DecodedCircuitKeys(c.Clone(), process!, tally!, deactivate, addNewKey);
        return null;
    }

    private static string? Decode(ProtoKey? k, string name, bool allowGammaEqualDelta, out CryptoKey? key)
    {
        key = null;
        if (k is null) return $"{name} key is missing";
        try
        {
            key = CryptoKey.FromEvmHex(k.Alpha1, k.Beta2, k.Gamma2, k.Delta2, k.Ic);
        }
        catch (Groth16FormatException e)
        {
            return $"{name} key: {e.Message}";
        }
        if (key.PublicInputCount != 1) return $"{name} key must have exactly one public input, has {key.PublicInputCount}";
        if (key.HasGammaEqualDelta && !allowGammaEqualDelta)
            return $"{name} key has gamma == delta (a setup that proves nothing); refused unless allow_gamma_equal_delta is set";
        return null;
    }
}
