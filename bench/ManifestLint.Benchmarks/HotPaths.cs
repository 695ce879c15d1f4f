using BenchmarkDotNet.Attributes;
using ManifestLint.Config;
using ManifestLint.Loading;
using ManifestLint.Model;

namespace ManifestLint.Benchmarks;

/// <summary>The pipeline's hot paths on one corpus, single-threaded where the stage is per file (YAML, JavaScript) and
/// as the CLI runs them otherwise (discovery and load, the rules, the whole lint: in parallel).</summary>
[MemoryDiagnoser]
public class HotPaths
{
    private string folder = "";
    private List<(string File, string Text)> yaml = [];
    private List<(string File, string Text, ModuleFormat Format)> js = [];

    [GlobalSetup]
    public void Setup()
    {
        folder = Corpus.Folder();
        yaml = Corpus.Texts(folder, ".yaml", ".yml");
        // The generator writes CommonJS and ESM services; the nearest package.json's `type` decides, as in Node.
        js = Corpus.Texts(folder, ".js").Select(f => (f.File, f.Text, FormatOf(f.File))).ToList();
    }

    private ModuleFormat FormatOf(string file)
    {
        for (var dir = Path.GetDirectoryName(Path.Combine(folder, file)); dir is not null && dir.Length >= folder.Length; dir = Path.GetDirectoryName(dir))
        {
            var package = Path.Combine(dir, "package.json");
            if (File.Exists(package)) return File.ReadAllText(package).Contains("\"type\": \"module\"", StringComparison.Ordinal) ? ModuleFormat.Esm : ModuleFormat.CommonJs;
        }
        return ModuleFormat.CommonJs;
    }

    /// <summary>YAML text to Kubernetes objects (subset parser or YamlDotNet, tree, object reader).</summary>
    [Benchmark]
    public int YamlToObjects()
    {
        var objects = 0;
        foreach (var (file, text) in yaml) objects += YamlLoader.Load(file, text, "default").Objects.Count;
        return objects;
    }

    /// <summary>JavaScript text to module facts (Acornima's parse and the fact walk).</summary>
    [Benchmark]
    public int JsToFacts()
    {
        var dependencies = 0;
        foreach (var (file, text, format) in js) dependencies += JsLoader.Load(file, text, format, "bench", null).Module?.Dependencies.Count ?? 0;
        return dependencies;
    }

    /// <summary>Discovery and load into the model (JavaScript is parsed later, on demand).</summary>
    [Benchmark]
    public int DiscoverAndLoad() => Linter.DiscoverAndLoad(folder, LintConfig.Default).Objects.Count;

    private ProjectModel? linked;

    /// <summary>A model ready for the rules: loaded, JavaScript parsed, apps linked. Built anew for each iteration of
    /// <see cref="Rules"/>, because the rules' shared facts are memoised on the model.</summary>
    [IterationSetup(Target = nameof(Rules))]
    public void LinkModel()
    {
        var model = Linter.DiscoverAndLoad(folder, LintConfig.Default);
        Linter.ParseAndLink(model);
        linked = model;
    }

    /// <summary>Every enabled rule over a linked model, in parallel as the CLI runs them (their shared facts included).</summary>
    [Benchmark]
    public int Rules() => Linter.RunRules(linked!).Count;

    /// <summary>The whole lint, as `manifestlint FOLDER` runs it (without writing a report).</summary>
    [Benchmark]
    public int Lint() => Linter.Lint([folder]).Findings.Count;
}
