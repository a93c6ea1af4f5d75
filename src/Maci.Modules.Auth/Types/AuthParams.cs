using Maci.Proto.Cosmos.Auth.V1Beta1;

namespace Maci.Modules.Auth.Types;

/// <summary>Defaults and validation of <c>cosmos.auth.v1beta1.Params</c> (SDK default values).</summary>
public static class AuthParams
{
    public static Params Default() => new()
    {
        MaxMemoCharacters = 256,
        TxSigLimit = 7,
        TxSizeCostPerByte = 10,
        SigVerifyCostEd25519 = 590,
        SigVerifyCostSecp256K1 = 1000,
    };

    /// <summary>Null when valid, else the first problem.</summary>
    public static string? Validate(Params p)
    {
        if (p.MaxMemoCharacters == 0) return "max_memo_characters must be positive";
        if (p.TxSigLimit == 0) return "tx_sig_limit must be positive";
        if (p.TxSizeCostPerByte == 0) return "tx_size_cost_per_byte must be positive";
        if (p.SigVerifyCostEd25519 == 0) return "sig_verify_cost_ed25519 must be positive";
        if (p.SigVerifyCostSecp256K1 == 0) return "sig_verify_cost_secp256k1 must be positive";
        return null;
    }
}
