using ManifestLint.Model;

namespace ManifestLint.Rules.ModuleSystem;

/// <summary>ML108: top-level `await` in CommonJS.</summary>
public sealed class TopLevelAwaitInCjsRule : ModuleOnlySyntaxRule
{
    public override RuleDescriptor Descriptor { get; } = new("ML108", "top-level-await-in-cjs", "module-system", Level.Error);

    protected override SourceSpan? Use(JsModule module) => module.TopLevelAwait;

    protected override string What => "top-level `await`";

    protected override string NodeError => "SyntaxError: await is only valid in async functions and the top level bodies of modules";
}
