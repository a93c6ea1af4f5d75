using Maci.Proto.Maci.Rounds.V1;
using CryptoKey = Maci.Crypto.Groth16.VerifyingKey;

namespace Maci.Modules.Rounds.Keeper;

/// <summary>The decoded keys of one circuit size; MACI sizes have no deactivate/add-key keys.</summary>
public sealed record DecodedCircuitKeys(CircuitKeys Source, CryptoKey Process, CryptoKey Tally, CryptoKey? Deactivate, CryptoKey? AddNewKey);
