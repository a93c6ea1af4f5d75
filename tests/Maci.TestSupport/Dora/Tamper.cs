using Google.Protobuf;
using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;
using Maci.Proto.Maci.Rounds.V1;

namespace Maci.TestSupport.Dora;

/// <summary>Copies of messages with one thing changed.</summary>
public static class Tamper
{
    /// <summary>The proof with one bit flipped in part a, b or c at hex digit <paramref name="digit"/>.</summary>
    public static Groth16Proof FlipBit(Groth16Proof p, char part, int digit, int bit = 0)
    {
        static string Flip(string hex, int digit, int bit)
        {
            var c = hex.ToCharArray();
            c[digit] = "0123456789abcdef"[Convert.ToInt32(c[digit].ToString(), 16) ^ (1 << bit)];
            return new string(c);
        }
        var q = p.Clone();
        switch (part)
        {
            case 'a': q.A = Flip(q.A, digit, bit); break;
            case 'b': q.B = Flip(q.B, digit, bit); break;
            default: q.C = Flip(q.C, digit, bit); break;
        }
        return q;
    }

    /// <summary>The decimal field element plus one.</summary>
    public static string Inc(string dec) => (Fr.Parse(dec) + Fr.One).ToString();

    public static T With<T>(T msg, Action<T> change) where T : IMessage<T>
    {
        var c = msg.Clone();
        change(c);
        return c;
    }

    /// <summary>k·Base8 as a PubKey: a fresh valid key.</summary>
    public static PubKey Key(ulong k)
    {
        var p = BabyJubjubPoint.Multiply(BabyJubjubPoint.Base8, [k, 0, 0, 0]);
        return new PubKey { X = p.X.ToString(), Y = p.Y.ToString() };
    }
}
