namespace Maci.Modules.Insurance.Types;

/// <summary>A round's stored period (Dora aMACI); "voting" is not a status but a time window.</summary>
public enum RoundStatus
{
    Pending,
    Processing,
    Tallying,
    Ended,
}
