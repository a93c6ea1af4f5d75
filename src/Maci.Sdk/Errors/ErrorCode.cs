namespace Maci.Sdk.Errors;

/// <summary>
/// A registered error kind: (codespace, code) as clients see it, plus its short description.
/// Codes are ≥ 2 (1 is reserved for internal errors), unique per codespace and never renumbered.
/// </summary>
public sealed record ErrorCode(string Codespace, uint Code, string Description)
{
    /// <summary>An error of this kind with SDK-style log text "<paramref name="detail"/>: description".</summary>
    public SdkError Wrap(string detail) => new(this, $"{detail}: {Description}");

    /// <summary>An error of this kind whose log is just the description.</summary>
    public SdkError Bare() => new(this, Description);

    public override string ToString() => $"{Codespace}/{Code} ({Description})";
}
