namespace Maci.Crypto.Bn254;

/// <summary>
/// Marks a field element that is exactly one <see cref="U256"/> in Montgomery form modulo <typeparamref name="TM"/>
/// (and nothing else), which lets <see cref="MontgomeryField{TSelf, TM}"/> read and write it in place.
/// </summary>
internal interface IMontgomeryElement<TSelf, TM>
    where TSelf : struct, IMontgomeryElement<TSelf, TM>
    where TM : struct, IModulus
{
    /// <summary>The modulus's name in error messages ("p", "r").</summary>
    static abstract string ModulusName { get; }
}
