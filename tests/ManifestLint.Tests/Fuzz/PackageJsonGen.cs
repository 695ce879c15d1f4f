using System.Text;

namespace ManifestLint.Tests.Fuzz;

/// <summary>A JSON value to render; scalars hold their JSON text.</summary>
internal abstract record J
{
    public static J Null { get; } = new JRaw("null");

    public static J S(string value) => new JRaw(Json.Quote(value));

    public static J Raw(string text) => new JRaw(text);

    public static J Obj(params (string Key, J? Value)[] members) => new JObj([.. members.Where(m => m.Value is not null).Select(m => (m.Key, m.Value!))]);

    public static J Arr(params J[] items) => new JArr([.. items]);
}

internal sealed record JRaw(string Text) : J;

internal sealed record JObj(List<(string Key, J Value)> Members) : J;

internal sealed record JArr(List<J> Items) : J;

internal static class Json
{
    /// <summary>YAML's double-quoted escapes (`\"`, `\\`, `\n`, `\uXXXX`) are valid JSON too: one escaper serves both.</summary>
    public static string Quote(string value) => Yaml.Quote(value);

    /// <summary>Pretty (two or four spaces, or tabs) or compact, as the tape says.</summary>
    public static string Write(Tape t, J value)
    {
        var sb = new StringBuilder();
        var indent = t.Pick("  ", "    ", "\t", "");
        Write(sb, value, indent, 0);
        if (t.Chance(80)) sb.Append('\n');
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, J value, string indent, int level)
    {
        var newline = indent.Length > 0 ? "\n" : "";
        string Pad(int n) => indent.Length == 0 ? "" : string.Concat(Enumerable.Repeat(indent, Math.Min(n, 64)));
        switch (value)
        {
            case JRaw raw:
                sb.Append(raw.Text);
                break;
            case JObj { Members.Count: 0 }:
                sb.Append("{}");
                break;
            case JArr { Items.Count: 0 }:
                sb.Append("[]");
                break;
            case JObj obj:
                sb.Append('{').Append(newline);
                for (var i = 0; i < obj.Members.Count; i++)
                {
                    sb.Append(Pad(level + 1)).Append(Quote(obj.Members[i].Key)).Append(indent.Length > 0 ? ": " : ":");
                    Write(sb, obj.Members[i].Value, indent, level + 1);
                    if (i < obj.Members.Count - 1) sb.Append(',');
                    sb.Append(newline);
                }
                sb.Append(Pad(level)).Append('}');
                break;
            case JArr arr:
                sb.Append('[').Append(newline);
                for (var i = 0; i < arr.Items.Count; i++)
                {
                    sb.Append(Pad(level + 1));
                    Write(sb, arr.Items[i], indent, level + 1);
                    if (i < arr.Items.Count - 1) sb.Append(',');
                    sb.Append(newline);
                }
                sb.Append(Pad(level)).Append(']');
                break;
        }
    }
}

/// <summary>package.json files: `type` of any JSON type, odd `main`, `exports` and `imports` maps nested at random
/// (now and then past the loader's 256 levels), and, when weird, text Node would refuse (comments, trailing commas,
/// truncation) or read oddly (duplicate keys, a BOM, lone surrogates).</summary>
internal sealed class PackageJsonGen(Tape t, int weird)
{
    private static readonly string[] Targets =
    [
        "./index.js", "./server.js", "./src/index.js", "./lib.mjs", "./lib.cjs", "./dir/", "./dir", "index.js", "../outside.js",
        "./missing.js", "./src/*.js", "./data.json", "./src/routes.js", "/abs/server.js", "./node_modules/lib-pkg/index.js", "",
    ];

    private static readonly string[] Conditions = ["import", "require", "node", "default", "types", "module-sync", "node-addons", "production", "browser"];

    public J TypeValue() => t.Below(14) switch
    {
        0 or 1 or 2 => J.S("module"),
        3 or 4 => J.S("commonjs"),
        5 => J.S(""),
        6 => J.S(t.Pick("Module", "esm", " module", "module\u0000", "COMMONJS", "es6")),
        7 => J.Raw(t.Pick("1", "0", "-1.5e3")),
        8 => J.Raw(t.Pick("true", "false")),
        9 => J.Null,
        10 => J.Arr(J.S("module")),
        11 => J.Obj(("module", J.Raw("true"))),
        12 => J.Raw("\"\\ud800\""),
        _ => J.S(t.Pick(Pools.Awkward)),
    };

    private J Target() => t.Chance(weird / 2) ? Scalar() : J.S(t.Pick(Targets));

    private J Scalar() => t.Below(6) switch
    {
        0 => J.Null,
        1 => J.Raw(t.Pick("0", "1", "-1", "1e400", "0.5")),
        2 => J.Raw(t.Pick("true", "false")),
        3 => J.S(t.Pick(Pools.Awkward)),
        4 => J.Arr(),
        _ => J.Obj(),
    };

    /// <summary>An `exports` value: a target, a subpath map, a conditions map, a fallback array.</summary>
    public J Exports(int depth)
    {
        if (depth <= 0) return Target();
        return t.Below(6) switch
        {
            0 => Target(),
            1 or 2 => J.Obj([.. Enumerable.Range(0, t.Between(1, 4)).Select(_ => (t.Pick(".", "./sub", "./feature/*", "./package.json", "./lib", "./*", "./dir/"), (J?)Exports(depth - 1))).DistinctBy(m => m.Item1)]),
            3 or 4 => J.Obj([.. Enumerable.Range(0, t.Between(1, 3)).Select(_ => (t.Pick(Conditions), (J?)Exports(depth - 1))).DistinctBy(m => m.Item1)]),
            _ => J.Arr([.. Enumerable.Range(0, t.Between(0, 3)).Select(_ => Exports(depth - 1))]),
        };
    }

    private J DeepExports(int depth)
    {
        J node = Target();
        for (var i = 0; i < depth; i++) node = J.Obj((t.Pick(Conditions), node));
        return node;
    }

    /// <summary>The package.json of an app whose entry is <paramref name="main"/>.</summary>
    public string App(string name, string main, bool esm)
    {
        J Weird(J normal) => t.Chance(weird) ? Scalar() : normal;
        var members = new List<(string, J?)>
        {
            ("name", Weird(J.S(name))),
            ("version", t.Chance(70) ? J.S("1.0.0") : null),
            ("private", t.Chance(30) ? J.Raw("true") : null),
            ("type", t.Chance(weird * 2) ? TypeValue() : esm ? J.S("module") : t.Chance(50) ? J.S("commonjs") : null),
            ("main", t.Chance(weird) ? Target() : t.Chance(15) ? null : J.S(main)),
            ("exports", t.Chance(weird + 5) ? (t.Chance(10) ? DeepExports(t.Depth()) : Exports(t.Between(0, 4))) : null),
            ("imports", t.Chance(weird / 2 + 3) ? J.Obj(
                ("#db", t.Chance(70) ? Target() : null),
                ("#utils/*", t.Chance(40) ? J.S("./src/*.js") : null),
                ("#dep", t.Chance(30) ? J.S(t.Pick("express", "lib-pkg", "missing-pkg")) : null),
                (t.Pick("#bad", "nohash", "#"), t.Chance(30) ? Exports(2) : null)) : null),
            ("scripts", t.Chance(80) ? J.Obj(
                ("start", Weird(J.S(t.Pick("node " + main, "node --env-file=.env " + main, "node -r dotenv/config " + main, "nodemon " + main, "npm run build && node dist/index.js", "node --import ./otel.mjs " + main)))),
                ("build", t.Chance(20) ? J.S("tsc") : null)) : null),
            ("dependencies", t.Chance(80) ? J.Obj(("express", J.S("^4.19.2")), ("dotenv", t.Chance(40) ? J.S("^16.4.5") : null), ("lib-pkg", t.Chance(30) ? J.S("file:./node_modules/lib-pkg") : null)) : null),
            ("engines", t.Chance(20) ? J.Obj(("node", Weird(J.S(t.Pick(">=18", "20.x", "^22.12.0", "*", "latest", ">=16 <17"))))) : null),
            ("bin", t.Chance(5) ? J.Obj(("app", J.S(main))) : null),
            ("workspaces", t.Chance(3) ? J.Arr(J.S("packages/*")) : null),
        };
        if (t.Chance(weird / 2)) members.Insert(t.Below(members.Count + 1), (t.Pick("type", "main", "exports", "name"), Scalar())); // a duplicate: the last one wins in Node
        if (t.Chance(weird / 3)) members.Add((t.Pick(Pools.Awkward), Scalar()));
        return Render(J.Obj([.. members]));
    }

    /// <summary>A package under node_modules, for bare imports to resolve into.</summary>
    public string Dependency(string name) => Render(J.Obj(
        ("name", J.S(name)),
        ("version", J.S("1.2.3")),
        ("type", t.Chance(40) ? TypeValue() : null),
        ("main", t.Chance(60) ? Target() : null),
        ("exports", t.Chance(50) ? Exports(t.Between(0, 3)) : null)));

    private string Render(J value)
    {
        var text = Json.Write(t, value);
        if (t.Chance(weird / 4)) text = t.Below(5) switch
        {
            0 => "// comment\n" + text,
            1 => text.Replace("}", ",}"),
            2 => text[..t.Below(text.Length + 1)],
            3 => text + "\n{}",
            _ => text.Replace("\"", "'"),
        };
        if (t.Chance(4)) text = "\uFEFF" + text;
        if (t.Chance(3)) text = text.Replace("\n", "\r\n");
        return text;
    }
}
