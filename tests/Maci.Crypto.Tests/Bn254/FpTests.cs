using Maci.Crypto.Bn254;

namespace Maci.Crypto.Tests.Bn254;

/// <summary>Checks <see cref="Fp"/> against a BigInteger oracle (the shared cases live in the base class).</summary>
public sealed class FpTests : PrimeFieldTests<Fp, FpOps>;
