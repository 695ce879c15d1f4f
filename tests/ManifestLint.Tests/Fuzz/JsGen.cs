using System.Text;

namespace ManifestLint.Tests.Fuzz;

/// <summary>JavaScript programs built from snippets: require/import/export of sibling files, packages and missing
/// modules, process.env reads (member, bracket, computed, destructured, defaults), an express app with routes and
/// listen calls, URL literals, nesting up to a few hundred levels, and, when weird, garbage tokens and truncation.</summary>
internal sealed class JsGen(Tape t, int weird)
{
    public static readonly string[] Specifiers =
    [
        "./lib.js", "./lib", "./lib.mjs", "./lib.cjs", "./src/routes.js", "./dir", "./dir/index.js", "./data.json", "./missing.js",
        "../outside.js", "express", "node:fs", "fs", "path", "node:http", "dotenv", "dotenv/config", "missing-pkg", "lib-pkg",
        "lib-pkg/sub", "lib-pkg/package.json", "#db", "#utils/x", "@scope/pkg", "", "./", ".", "node:nope", "./lib.js?x=1", "file:///etc/x.js",
    ];

    private static readonly string[] Garbage =
    [
        "}", "{", ")", "(", "]", "<div>hi</div>", "@decorator class X {}", "let let = 1;", "yield 1;", "a ?. b", "#priv", "\u0000",
        "'unterminated", "`${", "/* unterminated", "0b102", "1_000_", "import.meta = 1;", "new.target", "\\u0061 = 1;", "\u2028",
        "return;", "await;", "export", "import", "=>", "...", "%", "\uFEFF", "\"\\u{110000}\"", "/[/", "a\n++\nb",
    ];

    private string Spec() => t.Pick(Specifiers);

    private string Quoted(string s)
    {
        var q = t.Pick("'", "\"", "`");
        if (q == "`") return "`" + s.Replace("\\", "\\\\").Replace("`", "\\`").Replace("${", "\\${") + "`";
        return q + s.Replace("\\", "\\\\").Replace(q, "\\" + q).Replace("\n", "\\n").Replace("\r", "\\r")
            .Replace("\u2028", "\\u2028").Replace("\u2029", "\\u2029") + q;
    }

    /// <summary>An env var name usable after `process.env.`.</summary>
    private string Identifier()
    {
        var name = EnvName();
        return name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_') ? name : "PORT";
    }

    private string EnvName() => t.Chance(90) ? t.Pick(Pools.EnvNames) : t.Pick("", "1BAD", "a-b", "__proto__", "constructor", "toString", "X".PadRight(200, 'X'));

    private string Port() => t.Below(7) switch
    {
        0 => t.Pick(Pools.Ports).ToString(System.Globalization.CultureInfo.InvariantCulture),
        1 => "process.env.PORT",
        2 => "process.env.PORT || " + t.Pick(Pools.Ports),
        3 => "Number(process.env.PORT) || " + t.Pick(Pools.Ports),
        4 => "port",
        5 => Quoted(t.Pick(Pools.Ports).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        _ => t.Pick("0", "-1", "65536", "'http'", "null", "undefined", "process.env['PORT'] ?? '3000'", "+process.env.PORT"),
    };

    private string Url() => t.Pick("http", "https", "mongodb", "redis", "postgres", "ws") + "://" + t.Pick(Pools.Hosts) + (t.Chance(70) ? ":" + t.Pick(Pools.Ports) : "") + t.Pick(Pools.Paths);

    private string Statement(int depth, bool topLevel)
    {
        var ind = new string(' ', Math.Min(depth, 20) * 2);
        var s = t.Below(40) switch
        {
            0 => $"const {t.Pick("x", "lib", "{ a, b }", "fs")} = require({Quoted(Spec())});",
            1 => $"require({Quoted(Spec())});",
            2 => topLevel || t.Chance(weird) ? $"import {t.Pick("x", "{ a, b as c }", "* as ns", "def, { a }")} from {Quoted(Spec())};" : "void 0;",
            3 => topLevel || t.Chance(weird) ? $"import {Quoted(Spec())};" : "void 0;",
            4 => topLevel ? $"import data from './data.json' {t.Pick("with", "assert")} {{ type: 'json' }};" : "void 0;",
            5 => topLevel || t.Chance(weird) ? t.Pick("export default app;", "export const a = 1;", "export function handler() {}", "export { a as default };", $"export * from {Quoted(Spec())};", "export default class {}") : "void 0;",
            6 => t.Pick("module.exports = { a: 1 };", "module.exports = app;", "exports.handler = async () => {};", "module.exports.x = require('./lib');", "Object.assign(module.exports, {});"),
            7 => $"const m = await import({Quoted(Spec())});",
            8 => $"import({Quoted(Spec())}).then((m) => m.default);",
            9 => $"const r = require({t.Pick("name", "`./${name}`", "'./' + name", "require.resolve('./lib')")});",
            10 => $"const v = process.env.{Identifier()};",
            11 => $"const v = process.env[{Quoted(EnvName())}];",
            12 => $"const v = process.env[{t.Pick("name", "`${prefix}_URL`", "'DB_' + 'URL'", "key.toUpperCase()", "Symbol.iterator")}];",
            13 => $"const {{ {t.Pick(Pools.EnvNames)}, {t.Pick(Pools.EnvNames)} = {Quoted(t.Pick("changeme", "secret", "3000", ""))}, ...rest }} = process.env;",
            14 => $"const secret = process.env.{t.Pick(Pools.EnvNames)} || {Quoted(t.Pick("changeme", "keyboard cat", "dev-secret", "http://localhost:5000"))};",
            15 => $"if (!process.env.{t.Pick(Pools.EnvNames)}) throw new Error('missing');",
            16 => t.Pick("const env = process.env;\nconst h = env.HOST;", "process.env.NODE_ENV = 'production';", "delete process.env.API_KEY;", "const { env } = process;\nenv.PORT;", "for (const k in process.env) {}"),
            17 => t.Pick("require('dotenv').config();", "import 'dotenv/config';", "dotenv.config({ path: '.env.local' });", "require('dotenv').config({ path: `${__dirname}/.env` });", "process.loadEnvFile();"),
            18 => t.Pick("const app = express();", "const app = require('express')();", "const router = express.Router();", "const server = http.createServer(app);", "const fastify = require('fastify')();"),
            19 or 20 => $"{t.Pick("app", "router", "server", "fastify", "api")}.{t.Pick("get", "post", "use", "all", "put", "delete", "route", "head")}({Route()}, {t.Pick("(req, res) => res.send('ok')", "handler", "router", "async (req, reply) => 'ok'", "require('./src/routes')", "(req, res) => { res.status(200).json({ ok: true }); }")});",
            21 or 22 => $"{t.Pick("app", "server", "app", "http.createServer(app)", "fastify", "const s = app")}.listen({Listen()});",
            23 => $"const api = {Quoted(Url())};",
            24 => $"await fetch({Quoted(Url())});",
            25 => $"axios.get(`{t.Pick("http", "https")}://${{process.env.{t.Pick(Pools.EnvNames)}}}:{t.Pick(Pools.Ports)}/x`);",
            26 => $"mongoose.connect(process.env.DB_URL || {Quoted(Url())});",
            27 => $"const u = new URL({Quoted(t.Pick(Pools.Paths))}, {Quoted(Url())});",
            28 => t.Pick("console.log(__dirname, __filename);", "const here = import.meta.url;", "const d = import.meta.dirname;", "const __dirname = path.dirname(fileURLToPath(import.meta.url));", "const require = createRequire(import.meta.url);", "if (typeof require !== 'undefined') require('x');"),
            29 => t.Pick("await init();", "for await (const x of stream) {}", "const x = await Promise.resolve(1);"),
            30 => $"// manifestlint-disable-next-line {t.Pick("ML101", "ML301", "", "require-in-esm", "ML999")}",
            31 => t.Pick("/* manifestlint-disable-file */", "/* manifestlint-disable-next-line ML105 */"),
            32 => $"const s = {Quoted(t.Pick(Pools.Awkward))};",
            33 => t.Pick("const re = /\\/(api|health)\\//g;", "label: for (;;) break label;", "const o = { get a() { return 1; }, ['x' + 1]: 2, async *g() {} };", "class A { #p = 1; static { this.x = 1; } }", "const big = 10n ** 20n;", "const ℮ = 1;", "x ??= y?.z ?? 0;"),
            34 => $"const routes = require({Quoted(t.Pick("./src/routes", "./src/routes.js", "./routes"))});\napp.use({Quoted(t.Pick(Pools.Paths))}, routes);",
            35 => $"const schema = {t.Pick("z.object({ PORT: z.coerce.number(), DB_URL: z.string().url() })", "cleanEnv(process.env, { PORT: port(), API_KEY: str() })", "Joi.object({ HOST: Joi.string() })")};\nconst cfg = schema.parse(process.env);",
            36 => $"const h = {Quoted(t.Pick(Pools.Hosts))};\nserver.listen({t.Pick(Pools.Ports)}, h);",
            37 => t.Chance(weird + 2) ? t.Pick(Garbage) : ";",
            38 => t.Pick("'use strict';", "\"use strict\";", "debugger;", "with (obj) {}", "arguments;", "delete x;", "010;"),
            _ => $"let x{t.Below(5)} = {t.Pick("1", "null", "[]", "{}", "() => {}", "function () {}", "new Map()", "Symbol()")};",
        };
        return ind + s.Replace("\n", "\n" + ind) + "\n";
    }

    private string Route() => t.Below(6) switch
    {
        0 or 1 or 2 => Quoted(t.Pick(Pools.Paths)),
        3 => t.Pick("'*'", "/^\\/health$/", "['/a', '/b']", "`/api/${v}`", "path", "'/users/:id?'", "'/a/*splat'", "'/files{/:name}'"),
        4 => Quoted(t.Pick(Pools.Awkward)),
        _ => Quoted(t.Pick(Pools.Paths) + t.Pick(Pools.Paths)),
    };

    private string Listen() => t.Below(6) switch
    {
        0 => Port(),
        1 => $"{Port()}, {Quoted(t.Pick(Pools.Hosts))}",
        2 => $"{Port()}, () => console.log('up')",
        3 => $"{{ port: {Port()}, host: {Quoted(t.Pick(Pools.Hosts))} }}",
        4 => $"{Port()}, {Quoted(t.Pick("0.0.0.0", "127.0.0.1", "::", "localhost", "::1"))}, () => {{}}",
        _ => t.Pick("", "'/tmp/app.sock'", "{ path: '/tmp/s' }", "...args", "port, host, backlog, cb"),
    };

    /// <summary>Statements, some wrapped in functions, blocks, IIFEs, try, classes and loops.</summary>
    private void Block(StringBuilder sb, int count, int depth, bool topLevel)
    {
        for (var i = 0; i < count; i++)
        {
            if (depth < 6 && t.Chance(15))
            {
                var ind = new string(' ', depth * 2);
                var (open, close) = t.Below(8) switch
                {
                    0 => ("function f() {", "}"),
                    1 => ("if (process.env.NODE_ENV !== 'production') {", "}"),
                    2 => ("(async () => {", "})();"),
                    3 => ("try {", "} catch (e) { console.error(e); }"),
                    4 => ("class S { start() {", "} }"),
                    5 => ("for (const x of [1]) {", "}"),
                    6 => ("switch (x) { case 1: {", "} }"),
                    _ => ("{", "}"),
                };
                sb.Append(ind).Append(open).Append('\n');
                Block(sb, t.Between(0, 4), depth + 1, topLevel: false);
                sb.Append(ind).Append(close).Append('\n');
            }
            else
            {
                sb.Append(Statement(depth, topLevel));
            }
        }
    }

    /// <summary>Nesting <paramref name="n"/> deep, in one of several shapes.</summary>
    private string Deep(int n)
    {
        string Rep(string s) => string.Concat(Enumerable.Repeat(s, n));
        return t.Below(10) switch
        {
            0 => "export const d = " + Rep("[") + Rep("]") + ";",
            1 => "const d = " + Rep("(") + "1" + Rep(")") + ";",
            2 => Rep("{") + "require('./lib');" + Rep("}"),
            3 => "const d = " + Rep("f(") + Rep(")") + ";",
            4 => "const d = " + Rep("{a:") + "process.env.PORT" + Rep("}") + ";",
            5 => "const d = " + Rep("() => ") + "1;",
            6 => Rep("if (x) ") + "app.listen(3000);",
            7 => "const d = " + Rep("`${") + "1" + Rep("}`") + ";",
            8 => Rep("function f() {\n") + "return process.env.API_KEY;\n" + Rep("}\n"),
            _ => "const d = " + Rep("1 + ") + "1;",
        };
    }

    public string Program()
    {
        var sb = new StringBuilder();
        if (t.Chance(5)) sb.Append("#!/usr/bin/env node\n");
        Block(sb, t.Between(1, 12), 0, topLevel: true);
        if (t.Chance(weird / 2 + 2)) sb.Insert(t.Chance(50) ? sb.Length : 0, Deep(t.Depth()) + "\n");
        var text = sb.ToString();
        if (t.Chance(weird / 3)) text = text[..t.Below(text.Length + 1)]; // a syntax error by truncation
        if (t.Chance(weird / 4)) text = text.Insert(t.Below(text.Length + 1), t.Pick(Garbage));
        if (t.Chance(3)) text = text.Replace("\n", "\r\n");
        if (t.Chance(2)) text = "\uFEFF" + text;
        return text;
    }
}
