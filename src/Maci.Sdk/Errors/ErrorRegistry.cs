namespace Maci.Sdk.Errors;

/// <summary>
/// The set of error codes an application exposes. Built once at startup from every module's list;
/// a duplicate (codespace, code) or a code below 2 throws, so clashes surface before the first block.
/// </summary>
public sealed class ErrorRegistry
{
    private readonly Dictionary<(string, uint), ErrorCode> _codes = new();

    public ErrorRegistry Register(ErrorCode code)
    {
        if (string.IsNullOrWhiteSpace(code.Codespace))
            throw new ArgumentException($"error {code} has an empty codespace");
        if (code.Code < 2)
            throw new ArgumentException($"error {code}: codes 0 and 1 are reserved (use a code ≥ 2)");
        if (!_codes.TryAdd((code.Codespace, code.Code), code))
            throw new InvalidOperationException(
                $"error code {code.Codespace}/{code.Code} registered twice: '{_codes[(code.Codespace, code.Code)].Description}' and '{code.Description}'");
        return this;
    }

    public ErrorRegistry RegisterAll(IEnumerable<ErrorCode> codes)
    {
        foreach (var c in codes) Register(c);
        return this;
    }

    public bool IsRegistered(ErrorCode code) =>
        _codes.TryGetValue((code.Codespace, code.Code), out var known) && known == code;

    public ErrorCode? Find(string codespace, uint code) => _codes.GetValueOrDefault((codespace, code));

    public int Count => _codes.Count;
}
