namespace Maci.TestSupport.Dora;

/// <summary>
/// The bech32 accounts that play Dora's fixture rounds (aMACI and MACI alike): round admin, operator, the two whitelisted
/// voters and a relayer ("anyone").
/// </summary>
public sealed record AmaciRoundParties(string Admin, string Operator, string Voter0, string Voter1, string Anyone);
