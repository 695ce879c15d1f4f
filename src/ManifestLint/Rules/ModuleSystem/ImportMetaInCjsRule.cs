using ManifestLint.Model;

namespace ManifestLint.Rules.ModuleSystem;

/// <summary>ML107: `import.meta` in CommonJS.</summary>
public sealed class ImportMetaInCjsRule : ModuleOnlySyntaxRule
{
    public override RuleDescriptor Descriptor { get; } = new("ML107", "import-meta-in-cjs", "module-system", Level.Error);

    protected override SourceSpan? Use(JsModule module) => module.ImportMeta;

    protected override string What => "`import.meta`";

    protected override string NodeError => "SyntaxError: Cannot use 'import.meta' outside a module";
}
