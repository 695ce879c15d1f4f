using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using YamlDotNet.RepresentationModel;

namespace ManifestLint.Tests;

/// <summary>The ways ManifestLint is used outside this repository: the dotnet tool package, the
/// pre-commit hooks (.pre-commit-hooks.yaml) and the GitHub Action (action.yml). The root pack and the
/// tool install are slow, so they happen once per test run (<see cref="ToolPackage"/>).
/// The pre-commit tests need the `pre-commit` program: .ci/install-tools installs it and .ci/run sets
/// MANIFESTLINT_REQUIRE_PRECOMMIT=1, so in CI a missing pre-commit fails instead of skipping.</summary>
public class IntegrationTests
{
    private const string Crashloop = "testdata/examples/chat-app-crashloop";
    private const string Fixed = "testdata/examples/chat-app-fixed";

    /// <summary>What the CLI built with the tests reports for the crashloop example: every packaged or
    /// hooked run must report exactly this.</summary>
    private static readonly Lazy<CliRunner.Run> Expected = new(() => CliRunner.Exec(Crashloop, "--color", "never"));

    // ---- dotnet tool -------------------------------------------------------------------------

    [Fact]
    public void Dotnet_pack_at_the_root_yields_only_the_tool_package()
    {
        var pack = ToolPackage.Pack;
        // pre-commit's dotnet language installs every package the root pack emits as a tool.
        Assert.Equal([$"ManifestLint.{ToolInfo.Version}.nupkg"], pack.Packages.Select(Path.GetFileName));

        using var zip = ZipFile.OpenRead(pack.Package);
        var nuspec = XDocument.Load(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string Meta(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;
        Assert.Equal("ManifestLint", Meta("id"));
        Assert.Equal(ToolInfo.Version, Meta("version"));
        Assert.Contains(metadata.Descendants(), e => e.Name.LocalName == "packageType" && (string?)e.Attribute("name") == "DotnetTool");

        var settings = XDocument.Load(zip.GetEntry("tools/net10.0/any/DotnetToolSettings.xml")!.Open());
        var command = settings.Descendants().Single(e => e.Name.LocalName == "Command");
        Assert.Equal("manifestlint", (string?)command.Attribute("Name"));
        Assert.Equal("manifestlint.dll", (string?)command.Attribute("EntryPoint"));
        using var runtimeConfig = JsonDocument.Parse(zip.GetEntry("tools/net10.0/any/manifestlint.runtimeconfig.json")!.Open());
        Assert.Equal("Major", runtimeConfig.RootElement.GetProperty("runtimeOptions").GetProperty("rollForward").GetString());
    }

    [Fact]
    public void Installed_tool_lints_the_examples()
    {
        var tool = ToolPackage.Installed;

        var version = Proc.Run(tool.Command, Repo.Root, ["--version"]);
        Assert.Equal(0, version.ExitCode);
        Assert.Matches($@"^{Regex.Escape(ToolInfo.Version)}(\+[0-9a-f]+)?$", version.Stdout.Trim()); // + the commit, when built in git

        var crashloop = Proc.Run(tool.Command, Repo.Root, [Crashloop]);
        Assert.Equal(1, crashloop.ExitCode);
        Assert.Contains("backend/src/index.js:1:17  error  ML101 require-in-esm", crashloop.Stdout);
        Assert.Contains("ML201 host-without-service  Host `mongodb-service`", crashloop.Stdout);
        Assert.Equal(Expected.Value.Stdout, crashloop.Stdout);
        Assert.Equal(WithoutTimings(Expected.Value.Stderr), WithoutTimings(crashloop.Stderr));

        var fixedRun = Proc.Run(tool.Command, Repo.Root, [Fixed]);
        Assert.Equal(0, fixedRun.ExitCode);
        Assert.Contains("no problems", fixedRun.Stderr);

        // The SARIF SDK is loaded only for this format: it must be in the package too.
        var sarif = Proc.Run(tool.Command, Repo.Root, [Crashloop, "--format", "sarif"]);
        Assert.Equal(1, sarif.ExitCode);
        using var log = JsonDocument.Parse(sarif.Stdout);
        Assert.Equal(ExpectedCount(), log.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
    }

    /// <summary>.ci/pack-release's packages, less the NativeAOT one (minutes of native compilation, so it is built by
    /// the release job, not here): the pointer package names a package per RID plus the portable `any` fallback,
    /// and that fallback is a framework-dependent build that runs. Packed from a copy of the sources, so the
    /// RID-specific restore never touches this tree's obj/ while other tests use it.</summary>
    [Fact]
    public void Release_packs_a_rid_pointer_package_and_a_portable_fallback()
    {
        using var copy = new TempDir("ml-release-src-");
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "README.md", "global.json" }) File.Copy(Repo.Path_(file), Path.Combine(copy.Root, file));
        foreach (var file in Directory.EnumerateFiles(Repo.Path_("src"), "*", SearchOption.AllDirectories).Concat(Directory.EnumerateFiles(Repo.Path_("rules"), "*.md")))
        {
            var relative = Path.GetRelativePath(Repo.Root, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj")) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(copy.Root, relative))!);
            File.Copy(file, Path.Combine(copy.Root, relative));
        }
        using var output = new TempDir("ml-release-out-");
        string[] pack = ["pack", "src/ManifestLint.Cli", "-c", "Release", "-o", output.Root, "-nologo", "-p:NativeToolPackages=true"];
        var pointer = Proc.Run("dotnet", copy.Root, pack, timeout: TimeSpan.FromMinutes(5));
        Assert.True(pointer.ExitCode == 0, pointer.Output);
        var fallback = Proc.Run("dotnet", copy.Root, [.. pack, "-r", "any", "-p:PublishAot=false"], timeout: TimeSpan.FromMinutes(5));
        Assert.True(fallback.ExitCode == 0, fallback.Output);
        Assert.Equal([$"ManifestLint.{ToolInfo.Version}.nupkg", $"ManifestLint.any.{ToolInfo.Version}.nupkg"],
            Directory.GetFiles(output.Root, "*.nupkg").Select(Path.GetFileName).Order(StringComparer.Ordinal));

        using (var zip = ZipFile.OpenRead(Path.Combine(output.Root, $"ManifestLint.{ToolInfo.Version}.nupkg")))
        {
            Assert.Equal(["DotnetTool"], PackageTypes(zip));
            var settings = XDocument.Load(zip.GetEntry("tools/any/any/DotnetToolSettings.xml")!.Open());
            Assert.Equal("manifestlint", (string?)settings.Descendants().Single(e => e.Name.LocalName == "Command").Attribute("Name"));
            var rids = settings.Descendants().Where(e => e.Name.LocalName == "RuntimeIdentifierPackage")
                .Select(e => $"{(string?)e.Attribute("RuntimeIdentifier")}={(string?)e.Attribute("Id")}");
            Assert.Equal(["linux-x64=ManifestLint.linux-x64", "linux-arm64=ManifestLint.linux-arm64", "osx-arm64=ManifestLint.osx-arm64",
                "win-x64=ManifestLint.win-x64", "any=ManifestLint.any"], rids);
        }

        using var run = new TempDir("ml-release-run-");
        using (var zip = ZipFile.OpenRead(Path.Combine(output.Root, $"ManifestLint.any.{ToolInfo.Version}.nupkg")))
        {
            Assert.Equal(["DotnetToolRidPackage"], PackageTypes(zip));
            const string tools = "tools/net10.0/any/";
            Assert.Contains(zip.Entries, e => e.FullName == tools + "manifestlint.dll");
            Assert.DoesNotContain(zip.Entries, e => e.FullName.EndsWith(".pdb", StringComparison.Ordinal) || e.FullName.EndsWith(".dbg", StringComparison.Ordinal));
            foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith(tools, StringComparison.Ordinal) && e.Name.Length > 0))
            {
                var dest = Path.Combine(run.Root, entry.FullName[tools.Length..]);
                Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
                entry.ExtractToFile(dest);
            }
        }
        var lint = Proc.Run("dotnet", Repo.Root, [Path.Combine(run.Root, "manifestlint.dll"), Crashloop]);
        Assert.Equal(1, lint.ExitCode);
        Assert.Equal(Expected.Value.Stdout, lint.Stdout);
    }

    private static IEnumerable<string?> PackageTypes(ZipArchive zip)
    {
        var nuspec = XDocument.Load(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        return nuspec.Descendants().Where(e => e.Name.LocalName == "packageType").Select(e => (string?)e.Attribute("name"));
    }

    // ---- pre-commit --------------------------------------------------------------------------

    [Fact]
    public void Pre_commit_hooks_file_declares_the_dotnet_and_system_hooks()
    {
        var hooks = ((YamlSequenceNode)LoadYaml(Repo.Path_(".pre-commit-hooks.yaml"))).Children.Cast<YamlMappingNode>()
            .ToDictionary(h => Scalar(h, "id")!);
        Assert.Equal(["manifestlint", "manifestlint-system"], hooks.Keys);
        Assert.Equal("dotnet", Scalar(hooks["manifestlint"], "language"));
        Assert.Equal("system", Scalar(hooks["manifestlint-system"], "language"));
        foreach (var hook in hooks.Values)
        {
            Assert.Equal("manifestlint", Scalar(hook, "entry"));
            Assert.Equal("false", Scalar(hook, "pass_filenames")); // cross-file rules need the whole repository
            Assert.Equal("true", Scalar(hook, "require_serial"));
            Assert.Null(Scalar(hook, "args"));
            var files = new Regex(Scalar(hook, "files")!);
            foreach (var path in new[] { "k8s/api.yaml", "deploy/web.yml", "package.json", "src/index.js", "lib/a.mjs", "lib/b.cjs",
                         "Dockerfile", "api/Dockerfile.prod", "web.dockerfile", ".env.production", ".nvmrc", ".manifestlintignore" })
            {
                Assert.True(files.IsMatch(path), $"{Scalar(hook, "id")}: {path} should trigger the hook");
            }
            foreach (var path in new[] { "README.md", "src/app.ts", "docs/Dockerfile-notes.txt", "build.gradle" })
            {
                Assert.False(files.IsMatch(path), $"{Scalar(hook, "id")}: {path} should not trigger the hook");
            }
        }
    }

    [SkippableFact]
    public void Pre_commit_dotnet_hook_fails_on_the_crashloop_example_and_passes_the_fixed_twin()
    {
        RequirePreCommit();
        // Real pre-commit: each try-repo clones this repository into a fresh store, `dotnet pack`s it there
        // and `dotnet tool install`s every package it finds, with no other package source.
        using (var repo = ThrowawayGitRepo(Crashloop))
        {
            var run = TryRepo(repo.Root, "manifestlint");
            Assert.True(run.ExitCode == 1, run.Output);
            Assert.Matches(@"manifestlint\.+Failed", run.Output);
            Assert.Contains("- exit code: 1", run.Output);
            Assert.Contains("backend/src/index.js:1:17  error  ML101 require-in-esm", run.Output);
            Assert.Contains(Expected.Value.Stdout.TrimEnd(), run.Output); // every finding, with its code frame
            Assert.Contains(WithoutTimings(Expected.Value.Stderr).Trim(), WithoutTimings(run.Output)); // the summary
        }
        using (var repo = ThrowawayGitRepo(Fixed))
        {
            var run = TryRepo(repo.Root, "manifestlint");
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Matches(@"manifestlint\.+Passed", run.Output);
        }
    }

    [SkippableFact]
    public void Pre_commit_system_hook_uses_the_installed_tool_and_skips_unrelated_changes()
    {
        RequirePreCommit();
        var path = ToolPackage.Installed.ToolDir + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");

        using (var fixedRepo = ThrowawayGitRepo(Fixed))
        {
            var run = TryRepo(fixedRepo.Root, "manifestlint-system", path);
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Matches(@"manifestlint \(installed tool\)\.+Passed", run.Output);
        }
        using (var crashloopRepo = ThrowawayGitRepo(Crashloop))
        {
            var run = TryRepo(crashloopRepo.Root, "manifestlint-system", path);
            Assert.True(run.ExitCode == 1, run.Output);
            Assert.Contains(Expected.Value.Stdout.TrimEnd(), run.Output);
        }
        using (var docsOnly = new TempDir("ml-precommit-"))
        {
            File.WriteAllText(Path.Combine(docsOnly.Root, "README.md"), "# docs\n");
            GitInit(docsOnly.Root);
            var run = TryRepo(docsOnly.Root, "manifestlint-system", path);
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Matches(@"manifestlint \(installed tool\)\.+\(no files to check\)Skipped", run.Output);
        }
    }

    private static void RequirePreCommit()
    {
        if (Proc.Which("pre-commit") is not null) return;
        Assert.NotEqual("1", Environment.GetEnvironmentVariable("MANIFESTLINT_REQUIRE_PRECOMMIT"));
        Skip.If(true, "pre-commit not installed (run .ci/install-tools, or apt-get install pre-commit)");
    }

    private static Proc.Result TryRepo(string workTree, string hook, string? path = null)
    {
        // try-repo clones the repository at HEAD (plus uncommitted changes to tracked files): an untracked
        // hooks file would be missing there.
        var tracked = Proc.Run("git", Repo.Root, ["ls-files", "--error-unmatch", ".pre-commit-hooks.yaml"]);
        Assert.True(tracked.ExitCode == 0, "pre-commit try-repo only sees files git tracks: `git add .pre-commit-hooks.yaml`");
        using var home = new TempDir("ml-precommit-home-");
        return Proc.Run("pre-commit", workTree, ["try-repo", Repo.Root, hook, "--all-files", "--color", "never"], env =>
        {
            env["PRE_COMMIT_HOME"] = home.Root;
            if (path is not null) env["PATH"] = path;
        }, TimeSpan.FromMinutes(8));
    }

    private static TempDir ThrowawayGitRepo(string example)
    {
        var dir = new TempDir("ml-precommit-");
        CopyTree(Repo.Path_(example), dir.Root);
        GitInit(dir.Root);
        return dir;
    }

    private static void GitInit(string dir)
    {
        foreach (var args in new[] { new[] { "init", "-q" }, ["add", "-A"] })
        {
            var git = Proc.Run("git", dir, args);
            Assert.True(git.ExitCode == 0, git.Output);
        }
    }

    // ---- GitHub Actions ----------------------------------------------------------------------

    [Fact]
    public void Github_action_is_a_composite_that_pins_the_tool_and_keeps_inputs_out_of_scripts()
    {
        var action = new CompositeAction(Repo.Path_("action.yml"));
        Assert.Equal(ToolInfo.Version, action.Defaults["version"]); // the version `dotnet pack` produces
        Assert.Equal(".", action.Defaults["path"]);
        Assert.Equal("manifestlint.sarif", action.Defaults["sarif-file"]);
        Assert.Equal("error", action.Defaults["fail-on"]);
        Assert.Equal("", action.Defaults["args"]);
        Assert.Equal("true", action.Defaults["fail"]);

        var setup = Assert.Single(action.Steps, s => Scalar(s, "uses") is not null);
        Assert.Equal("actions/setup-dotnet@v4", Scalar(setup, "uses"));
        Assert.Equal("10.0.x", Scalar((YamlMappingNode)setup.Children[new YamlScalarNode("with")], "dotnet-version"));
        foreach (var step in action.Steps.Where(s => Scalar(s, "run") is not null))
        {
            Assert.DoesNotContain("${{", Scalar(step, "run"));
            Assert.Equal("bash", Scalar(step, "shell"));
        }
    }

    [Fact]
    public void Github_action_writes_sarif_keeps_the_exit_code_and_fails_per_input()
    {
        var action = new CompositeAction(Repo.Path_("action.yml"));
        var pack = ToolPackage.Pack;
        using var runnerTemp = new TempDir("ml-runner-");

        TempDir Workspace(string example)
        {
            var dir = new TempDir("ml-workspace-");
            CopyTree(Repo.Path_(example), dir.Root);
            GitInit(dir.Root); // actions/checkout leaves a git repository: SARIF paths are relative to its root
            // Install only the package under test, never one from a remote feed.
            File.WriteAllText(Path.Combine(dir.Root, "nuget.config"),
                "<?xml version=\"1.0\" encoding=\"utf-8\"?><configuration><packageSources><clear /></packageSources></configuration>");
            return dir;
        }

        using (var ws = Workspace(Crashloop))
        {
            var run = action.Run(ws.Root, runnerTemp.Root, new() { ["source"] = pack.Directory });
            Assert.False(run.Succeeded, run.Log);
            Assert.Equal("Run ManifestLint", run.FailedStep);
            Assert.Equal("1", run.Outputs["exit-code"]);
            Assert.Equal("manifestlint.sarif", run.Outputs["sarif-file"]);
            Assert.Contains("::error title=ManifestLint::", run.Log);
            using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(ws.Root, "manifestlint.sarif")));
            var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results");
            Assert.Equal(ExpectedCount(), results.GetArrayLength());
            Assert.Equal("backend/src/config/db.js", results[0].GetProperty("locations")[0].GetProperty("physicalLocation")
                .GetProperty("artifactLocation").GetProperty("uri").GetString());

            var report = action.Run(ws.Root, runnerTemp.Root, new() { ["source"] = pack.Directory, ["fail"] = "false", ["sarif-file"] = "lint.sarif" });
            Assert.True(report.Succeeded, report.Log);
            Assert.Equal("1", report.Outputs["exit-code"]);
            Assert.Contains("::warning title=ManifestLint::", report.Log);
            Assert.True(File.Exists(Path.Combine(ws.Root, "lint.sarif")));

            var relaxed = action.Run(ws.Root, runnerTemp.Root, new() { ["source"] = pack.Directory, ["fail-on"] = "none" });
            Assert.True(relaxed.Succeeded, relaxed.Log);
            Assert.Equal("0", relaxed.Outputs["exit-code"]);

            // A usage error fails the step even with fail: false.
            var broken = action.Run(ws.Root, runnerTemp.Root, new() { ["source"] = pack.Directory, ["fail"] = "false", ["args"] = "--no-such-option" });
            Assert.False(broken.Succeeded, broken.Log);
            Assert.Equal("2", broken.Outputs["exit-code"]);
        }
        using (var ws = Workspace(Fixed))
        {
            // Extra args are split on whitespace, including newlines from a YAML block.
            var run = action.Run(ws.Root, runnerTemp.Root, new() { ["source"] = pack.Directory, ["args"] = "--node-version  22\n--config .manifestlint.yaml" });
            Assert.True(run.Succeeded, run.Log);
            Assert.Equal("0", run.Outputs["exit-code"]);
            using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(ws.Root, "manifestlint.sarif")));
            Assert.Equal(0, sarif.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
        }
    }

    [Fact]
    public void Github_format_maps_notes_to_notice_and_escapes_properties()
    {
        // CliEndToEndTests covers error/warning commands; this covers `notice` and property escaping.
        using var project = new TempDir("ml-github-");
        CopyTree(Repo.Path_("testdata", "ML407", "bad-liveness-on-ready-path"), project.Root);
        Directory.Move(Path.Combine(project.Root, "k8s"), Path.Combine(project.Root, "k8s,eu:prod%1"));
        var run = CliRunner.ExecIn(project.Root, null, "--format", "github", "--fail-on", "note");
        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("::notice file=k8s%2Ceu%3Aprod%251/orders.yaml,line=27,col=21,endLine=27,endColumn=27,title=ML407 liveness-checks-dependencies::", line);
        Assert.Contains("requests `/ready`", line);
    }

    // ---- helpers -----------------------------------------------------------------------------

    /// <summary>The summary line may end with the run's duration.</summary>
    private static string WithoutTimings(string text) => Regex.Replace(text, @" \[[0-9.]+m?s\]", "");

    private static int ExpectedCount() => Regex.Matches(Expected.Value.Stdout, "^[^ ].*:[0-9]+:[0-9]+  (error|warning|note)  ML", RegexOptions.Multiline).Count;

    internal static YamlNode LoadYaml(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return stream.Documents[0].RootNode;
    }

    internal static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;

    internal static void CopyTree(string source, string target)
    {
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }
    }
}

/// <summary>The tool package, made once per test run the way pre-commit and a release make it:
/// `dotnet pack -c Release -o DIR` at the repository root, then `dotnet tool install` from DIR only.</summary>
internal static class ToolPackage
{
    public sealed record Packed(string Directory, IReadOnlyList<string> Packages)
    {
        public string Package => Packages.Single();
    }

    public sealed record Tool(string ToolDir, string Command);

    private static readonly List<string> Created = [];

    static ToolPackage()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var dir in Created)
            {
                try { System.IO.Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        };
    }

    private static string NewTempDir(string prefix)
    {
        var dir = TempDir.Create(prefix);
        lock (Created) Created.Add(dir);
        return dir;
    }

    private static readonly Lazy<Packed> LazyPack = new(DoPack, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<Tool> LazyTool = new(DoInstall, LazyThreadSafetyMode.ExecutionAndPublication);

    public static Packed Pack => LazyPack.Value;

    public static Tool Installed => LazyTool.Value;

    private static Packed DoPack()
    {
        var dir = NewTempDir("ml-pack-");
        var pack = Proc.Run("dotnet", Repo.Root, ["pack", "-c", "Release", "-o", dir, "-nologo"], timeout: TimeSpan.FromMinutes(8));
        if (pack.ExitCode != 0) throw new InvalidOperationException("dotnet pack failed:\n" + pack.Output);
        return new Packed(dir, Directory.GetFiles(dir, "*.nupkg").Order(StringComparer.Ordinal).ToList());
    }

    private static Tool DoInstall()
    {
        var pack = Pack;
        var toolDir = NewTempDir("ml-tool-");
        var config = Path.Combine(NewTempDir("ml-nuget-"), "nuget.config");
        File.WriteAllText(config, "<?xml version=\"1.0\" encoding=\"utf-8\"?><configuration><packageSources><clear /></packageSources></configuration>");
        var install = Proc.Run("dotnet", toolDir,
            ["tool", "install", "--tool-path", toolDir, "--add-source", pack.Directory, "--configfile", config, "ManifestLint", "--version", ToolInfo.Version],
            timeout: TimeSpan.FromMinutes(3));
        if (install.ExitCode != 0) throw new InvalidOperationException("dotnet tool install failed:\n" + install.Output);
        return new Tool(toolDir, Path.Combine(toolDir, "manifestlint"));
    }
}

/// <summary>Runs action.yml's steps the way the Actions runner runs a composite action, as far as this
/// action needs: `uses:` steps are checked and skipped (the .NET SDK is already here), `run:` steps run
/// in `bash --noprofile --norc -eo pipefail` with `${{ inputs.* }}` and `${{ steps.*.outputs.* }}`
/// substituted in `env:`, GITHUB_OUTPUT / GITHUB_PATH files, and the first failing step failing the action.
/// Conditions (`if:`) are not evaluated, so the action must not use them.</summary>
internal sealed class CompositeAction
{
    public sealed record Result(bool Succeeded, string? FailedStep, Dictionary<string, string> Outputs, string Log);

    private static readonly Regex Expression = new(@"\$\{\{\s*(.*?)\s*\}\}");
    private static readonly Regex InputRef = new(@"^inputs\.([A-Za-z0-9_-]+)$");
    private static readonly Regex StepOutputRef = new(@"^steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)$");

    private readonly YamlMappingNode _root;

    public CompositeAction(string path)
    {
        _root = (YamlMappingNode)IntegrationTests.LoadYaml(path);
        var runs = (YamlMappingNode)_root.Children[new YamlScalarNode("runs")];
        Assert.Equal("composite", IntegrationTests.Scalar(runs, "using"));
        Steps = ((YamlSequenceNode)runs.Children[new YamlScalarNode("steps")]).Children.Cast<YamlMappingNode>().ToList();
        Defaults = ((YamlMappingNode)_root.Children[new YamlScalarNode("inputs")]).Children
            .ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => IntegrationTests.Scalar((YamlMappingNode)p.Value, "default") ?? "");
    }

    public IReadOnlyList<YamlMappingNode> Steps { get; }

    public Dictionary<string, string> Defaults { get; }

    public Result Run(string workspace, string runnerTemp, Dictionary<string, string> inputs)
    {
        foreach (var name in inputs.Keys) Assert.True(Defaults.ContainsKey(name), $"action.yml has no input `{name}`");
        var values = new Dictionary<string, string>(Defaults);
        foreach (var (k, v) in inputs) values[k] = v;
        var stepOutputs = new Dictionary<string, Dictionary<string, string>>();
        var addedPaths = new List<string>();
        var log = new StringBuilder();

        string Evaluate(string text) => Expression.Replace(text, m =>
        {
            var expr = m.Groups[1].Value;
            if (InputRef.Match(expr) is { Success: true } input) return values[input.Groups[1].Value];
            if (StepOutputRef.Match(expr) is { Success: true } output)
            {
                return stepOutputs.TryGetValue(output.Groups[1].Value, out var o) && o.TryGetValue(output.Groups[2].Value, out var v) ? v : "";
            }
            throw new NotSupportedException($"the action emulator does not evaluate `{m.Value}`");
        });

        Result Finish(string? failedStep)
        {
            var outputs = ((YamlMappingNode)_root.Children[new YamlScalarNode("outputs")]).Children
                .ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => Evaluate(IntegrationTests.Scalar((YamlMappingNode)p.Value, "value") ?? ""));
            return new Result(failedStep is null, failedStep, outputs, log.ToString());
        }

        for (var i = 0; i < Steps.Count; i++)
        {
            var step = Steps[i];
            var name = IntegrationTests.Scalar(step, "name") ?? $"step {i + 1}";
            Assert.False(step.Children.ContainsKey(new YamlScalarNode("if")), $"{name}: the emulator does not evaluate `if:`");
            Assert.False(step.Children.ContainsKey(new YamlScalarNode("continue-on-error")), $"{name}: continue-on-error is not emulated");
            if (IntegrationTests.Scalar(step, "uses") is not null) continue;

            var script = Path.Combine(runnerTemp, $"step-{i}.sh");
            File.WriteAllText(script, IntegrationTests.Scalar(step, "run"));
            var outputFile = Path.Combine(runnerTemp, $"output-{i}-{Guid.NewGuid():N}");
            var pathFile = Path.Combine(runnerTemp, $"path-{i}-{Guid.NewGuid():N}");
            File.WriteAllText(outputFile, "");
            File.WriteAllText(pathFile, "");
            var stepEnv = step.Children.TryGetValue(new YamlScalarNode("env"), out var envNode)
                ? ((YamlMappingNode)envNode).Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => Evaluate(((YamlScalarNode)p.Value).Value ?? ""))
                : [];
            var run = Proc.Run("bash", workspace, ["--noprofile", "--norc", "-eo", "pipefail", script], env =>
            {
                env["CI"] = "true";
                env["GITHUB_ACTIONS"] = "true";
                env["GITHUB_WORKSPACE"] = workspace;
                env["GITHUB_ACTION_PATH"] = Repo.Root;
                env["RUNNER_TEMP"] = runnerTemp;
                env["GITHUB_OUTPUT"] = outputFile;
                env["GITHUB_PATH"] = pathFile;
                env["PATH"] = string.Join(Path.PathSeparator, Enumerable.Reverse(addedPaths).Append(Environment.GetEnvironmentVariable("PATH")));
                foreach (var (k, v) in stepEnv) env[k] = v;
            }, TimeSpan.FromMinutes(3));
            log.Append($"## {name} (exit {run.ExitCode})\n{run.Output}\n");

            addedPaths.AddRange(File.ReadAllLines(pathFile).Where(l => l.Length > 0));
            if (IntegrationTests.Scalar(step, "id") is { } id) stepOutputs[id] = ReadOutputs(outputFile);
            if (run.ExitCode != 0) return Finish(name);
        }
        return Finish(null);
    }

    /// <summary>GITHUB_OUTPUT: `name=value` lines and `name&lt;&lt;DELIMITER` blocks.</summary>
    private static Dictionary<string, string> ReadOutputs(string file)
    {
        var outputs = new Dictionary<string, string>();
        var lines = File.ReadAllLines(file);
        for (var i = 0; i < lines.Length; i++)
        {
            var heredoc = lines[i].IndexOf("<<", StringComparison.Ordinal);
            var eq = lines[i].IndexOf('=');
            if (heredoc > 0 && (eq < 0 || heredoc < eq))
            {
                var delimiter = lines[i][(heredoc + 2)..];
                var body = lines.Skip(i + 1).TakeWhile(l => l != delimiter).ToList();
                outputs[lines[i][..heredoc]] = string.Join('\n', body);
                i += body.Count + 1;
            }
            else if (eq > 0)
            {
                outputs[lines[i][..eq]] = lines[i][(eq + 1)..];
            }
        }
        return outputs;
    }
}

/// <summary>External programs for the integration tests.</summary>
internal static class Proc
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string Output => Stdout + (Stdout.EndsWith('\n') || Stdout.Length == 0 ? "" : "\n") + Stderr;
    }

    public static Result Run(string file, string workingDirectory, IEnumerable<string> args,
        Action<IDictionary<string, string?>>? environment = null, TimeSpan? timeout = null)
    {
        var psi = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        // `dotnet test` runs us under MSBuild and vstest; a nested dotnet/MSBuild must not inherit their state.
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
                     || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase) || k.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            psi.Environment.Remove(key);
        }
        psi.Environment.Remove("NO_COLOR");
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        environment?.Invoke(psi.Environment);
        using var process = Process.Start(psi)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not exit");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    public static string? Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program)).FirstOrDefault(File.Exists);
}

/// <summary>A temporary folder, removed on dispose.</summary>
internal sealed class TempDir(string prefix) : IDisposable
{
    public string Root { get; } = Create(prefix);

    public static string Create(string prefix)
    {
        var dir = Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
