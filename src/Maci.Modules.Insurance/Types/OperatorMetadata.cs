using Maci.Proto.Maci.Insurance.V1;
using Maci.Sdk.Errors;

namespace Maci.Modules.Insurance.Types;

/// <summary>Operator description fields; null means "leave unchanged" (updates) and is not allowed for the moniker at registration.</summary>
public sealed record OperatorMetadata(string? Moniker, string? Website, string? Identity)
{
    public SdkError? Validate()
    {
        if (Moniker is not null && OperatorValidation.Moniker(Moniker) is { } e1) return e1;
        if (Website is not null && OperatorValidation.Website(Website) is { } e2) return e2;
        if (Identity is not null && OperatorValidation.Identity(Identity) is { } e3) return e3;
        return null;
    }

    public void ApplyTo(Operator op)
    {
        if (Moniker is not null) op.Moniker = Moniker;
        if (Website is not null) op.Website = Website;
        if (Identity is not null) op.Identity = Identity;
    }
}
