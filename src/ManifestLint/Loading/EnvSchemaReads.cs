using Acornima.Ast;
using ManifestLint.Model;

namespace ManifestLint.Loading;

/// <summary>Env reads declared through validation libraries, which name the variables in a schema
/// object instead of reading `process.env.X` one by one.</summary>
internal static class EnvSchemaReads
{
    /// <summary>envalid: `cleanEnv(process.env, { X: str(), Y: str({ default: 'a' }) })` — required unless
    /// the validator has `default` or `devDefault`.</summary>
    public static IEnumerable<EnvRead> Envalid(ObjectExpression schema, Func<Node, SourceSpan> span)
    {
        foreach (var p in schema.Properties)
        {
            if (p is not Property { Computed: false } prop || PropertyName(prop.Key) is not { } name) continue;
            var defaults = prop.Value is CallExpression { Arguments: [ObjectExpression options, ..] }
                ? options.Properties.OfType<Property>().Where(o => PropertyName(o.Key) is "default" or "devDefault").ToList()
                : [];
            var literal = defaults.Select(d => (d.Value as StringLiteral)?.Value).FirstOrDefault(v => v is not null);
            yield return new EnvRead(name, defaults.Count > 0 ? EnvReadKind.Defaulted : EnvReadKind.Required, span(prop.Key), literal);
        }
    }

    /// <summary>zod: the fields of `z.object({...})` (through `.strict()`, `.passthrough()` and similar
    /// wrappers), or null when the expression is not such a schema.</summary>
    public static ObjectExpression? ZodObject(Node? schema)
    {
        while (schema is CallExpression { Callee: MemberExpression callee } call)
        {
            if (callee.Property is Identifier { Name: "object" or "strictObject" or "looseObject" } && call.Arguments is [ObjectExpression fields, ..]) return fields;
            schema = callee.Object;
        }
        return null;
    }

    /// <summary>zod fields are required unless wrapped in `.optional()`/`.nullish()` (absence tolerated)
    /// or `.default(v)`/`.catch(v)`/`.prefault(v)` (a value is supplied).</summary>
    public static IEnumerable<EnvRead> Zod(ObjectExpression fields, Func<Node, SourceSpan> span)
    {
        foreach (var p in fields.Properties)
        {
            if (p is not Property { Computed: false } prop || PropertyName(prop.Key) is not { } name) continue;
            var kind = EnvReadKind.Required;
            string? literal = null;
            for (var node = prop.Value; node is CallExpression { Callee: MemberExpression method } call; node = method.Object)
            {
                switch ((method.Property as Identifier)?.Name)
                {
                    case "optional" or "nullish":
                        if (kind == EnvReadKind.Required) kind = EnvReadKind.Checked;
                        break;
                    case "default" or "catch" or "prefault":
                        kind = EnvReadKind.Defaulted;
                        literal ??= (call.Arguments is [StringLiteral s] ? s.Value : null);
                        break;
                }
            }
            yield return new EnvRead(name, kind, span(prop.Key), literal);
        }
    }

    public static string? PropertyName(Node key) => key switch
    {
        Identifier id => id.Name,
        StringLiteral s => s.Value,
        _ => null,
    };
}
