using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;
using Maci.Proto.Maci.Rounds.V1;

namespace Maci.Rounds.Tests.Support;

public static class Fields
{
    public static PubKey Key(in BabyJubjubPoint p) => new() { X = p.X.ToString(), Y = p.Y.ToString() };

    public static BabyJubjubPoint Point(PubKey k) => new(Fr.Parse(k.X), Fr.Parse(k.Y));
}
