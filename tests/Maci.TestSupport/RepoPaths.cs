namespace Maci.TestSupport;

/// <summary>Locates files of this repository from a test's working directory.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Fixtures => Path.Combine(Root, "tests", "fixtures");

    public static string JsDir => Path.Combine(Root, "tests", "js");

    public static string Fixture(params string[] parts) => Path.Combine([Fixtures, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Maci.Chain.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Maci.Chain.sln not found above " + AppContext.BaseDirectory);
    }
}
