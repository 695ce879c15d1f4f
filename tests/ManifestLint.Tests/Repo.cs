namespace ManifestLint.Tests;

/// <summary>Locates the repository (for testdata/ and rules/) from the test binaries.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string TestData => Path.Combine(Root, "testdata");

    public static string Path_(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ManifestLint.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("ManifestLint.sln not found above " + AppContext.BaseDirectory);
    }
}
