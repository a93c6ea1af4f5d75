namespace Maci.Sdk.Errors;

/// <summary>
/// Carries an <see cref="SdkError"/> out of deep call chains (store gas, nested keepers) where a Result
/// would be noise. The transaction runner turns it back into a result code; it never escapes to ABCI.
/// </summary>
public sealed class SdkException(SdkError error) : Exception(error.Log)
{
    public SdkError Error { get; } = error;
}
