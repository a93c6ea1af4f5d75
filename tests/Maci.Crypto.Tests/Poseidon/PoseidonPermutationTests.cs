using Maci.Crypto.Bn254;
using Maci.Crypto.Poseidon;
using Maci.Crypto.Tests.Bn254;

namespace Maci.Crypto.Tests.Poseidon;

/// <summary>
/// The fast permutation (sparse partial rounds in blocks, sums of products, lazy S-box) against the textbook round
/// function computed here from the plain constants with the field operators.
/// </summary>
public class PoseidonPermutationTests
{
    private static void TextbookPermute(Fr[] state)
    {
        var p = PoseidonConstants.ForWidth(state.Length);
        var t = p.Width;
        var rounds = PoseidonConstants.FullRounds + p.PartialRounds;
        var half = PoseidonConstants.FullRounds / 2;
        var mixed = new Fr[t];
        for (var r = 0; r < rounds; r++)
        {
            var full = r < half || r >= half + p.PartialRounds;
            for (var i = 0; i < t; i++)
            {
                state[i] += p.RoundConstants[r * t + i];
                if (full || i == 0)
                {
                    var x = state[i];
                    var x2 = x * x;
                    state[i] = x2 * x2 * x;
                }
            }
            for (var i = 0; i < t; i++)
            {
                mixed[i] = Fr.Zero;
                for (var j = 0; j < t; j++) mixed[i] += p.Mds[i * t + j] * state[j];
            }
            mixed.CopyTo(state, 0);
        }
    }

    public static TheoryData<int> Widths() => [2, 3, 4, 5, 6, 7];

    [Theory]
    [MemberData(nameof(Widths))]
    public void FastPermutationEqualsTheTextbookRounds(int t)
    {
        var rng = new RandomValues(1000 + t);
        var maxLane = Fr.FromBigInteger(Fr.Modulus - 1);
        var states = new List<Fr[]> { new Fr[t], Enumerable.Repeat(maxLane, t).ToArray() };
        for (var k = 0; k < 12; k++) states.Add(Enumerable.Range(0, t).Select(_ => rng.NextFr()).ToArray());
        foreach (var state in states)
        {
            var expected = (Fr[])state.Clone();
            TextbookPermute(expected);
            var actual = (Fr[])state.Clone();
            PoseidonHash.Permute(actual);
            Assert.Equal(expected, actual);
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void HashEqualsLaneZeroOfThePermutation(int t)
    {
        // Hash computes only lane 0 in its last mix; it must agree with the full permutation.
        var rng = new RandomValues(2000 + t);
        for (var k = 0; k < 4; k++)
        {
            var inputs = Enumerable.Range(0, t - 1).Select(_ => rng.NextFr()).ToArray();
            var state = new Fr[t];
            inputs.CopyTo(state, 1);
            PoseidonHash.Permute(state);
            Assert.Equal(state[0], PoseidonHash.Hash(inputs));
        }
    }

    [Fact]
    public void BlockedMatricesHoldThreeRoundsPerBlockForEveryWidth()
    {
        for (var t = PoseidonConstants.MinWidth; t <= PoseidonConstants.MaxWidth; t++)
        {
            var p = PoseidonConstants.ForWidth(t);
            Assert.Equal(3, PoseidonParameters.RoundsPerBlock);
            Assert.Equal(p.PartialRounds / 3 * 6 * t, p.BlockedMatrices.Length);
        }
    }
}
