using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;

namespace Maci.Crypto.Encryption;

/// <summary>
/// An ElGamal ciphertext over Baby Jubjub as aMACI keeps it in state leaves: c1 = r·Base8, c2 = M + r·Pub, and the
/// SDK's x-increment (M.x minus the encoded value; the circuits ignore it and look only at the parity of M.x).
/// </summary>
public readonly record struct ElGamalCiphertext(BabyJubjubPoint C1, BabyJubjubPoint C2, Fr XIncrement);
