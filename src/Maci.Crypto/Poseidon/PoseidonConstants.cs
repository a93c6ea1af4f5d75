using Maci.Crypto.Bn254;

namespace Maci.Crypto.Poseidon;

/// <summary>Turns the generated hex tables into field elements once, per width.</summary>
internal static partial class PoseidonConstants
{
    internal const int FullRounds = 8;

    private static readonly PoseidonParameters[] ByWidth = Build();

    internal static PoseidonParameters ForWidth(int t) =>
        t is >= MinWidth and <= MaxWidth
            ? ByWidth[t]
            : throw new ArgumentOutOfRangeException(nameof(t), t, $"Poseidon width must be {MinWidth}..{MaxWidth}");

    private static PoseidonParameters[] Build()
    {
        var all = new PoseidonParameters[MaxWidth + 1];
        for (var t = MinWidth; t <= MaxWidth; t++)
            all[t] = new PoseidonParameters(t, PartialRoundsByWidth[t], Parse(RoundConstantsHex(t)), Parse(MdsHex(t)));
        return all;
    }

    private static Fr[] Parse(string[] hex)
    {
        var result = new Fr[hex.Length];
        for (var i = 0; i < hex.Length; i++)
            if (!Fr.TryFromBytesBigEndian(Convert.FromHexString(hex[i].AsSpan(2)), out result[i]))
                throw new InvalidOperationException($"Poseidon constant {hex[i]} is not a canonical field element");
        return result;
    }
}
