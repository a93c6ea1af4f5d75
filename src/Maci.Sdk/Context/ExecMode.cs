namespace Maci.Sdk;

/// <summary>Why a piece of code runs; decides which ante checks apply and whether state is kept.</summary>
public enum ExecMode
{
    Check,
    ReCheck,
    Simulate,
    Prepare,
    Process,
    Finalize,
    Genesis,
    Query,
}
