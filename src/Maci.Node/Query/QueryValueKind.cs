namespace Maci.Node.Query;

public enum QueryValueKind
{
    None,
    String,
    Number,
    Date,
    Time,
}
