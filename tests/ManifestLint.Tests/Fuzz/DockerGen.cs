using System.Text;

namespace ManifestLint.Tests.Fuzz;

/// <summary>Dockerfiles: a plausible Node image when not weird; when weird, FROM/ARG/ENV/COPY/CMD and friends in
/// random order, multi-stage chains, ARG substitution, heredocs (terminated or not), line continuations, parser
/// directives, lower-case instructions and garbage lines.</summary>
internal sealed class DockerGen(Tape t, int weird)
{
    private static readonly string[] Bases =
    [
        "node:20-alpine", "node:22-slim", "node:${NODE_VERSION}-alpine", "node:$NODE_VERSION", "node:${NODE_VERSION:-18}", "node",
        "gcr.io/distroless/nodejs22-debian12", "gcr.io/distroless/nodejs20-debian12:nonroot", "nginx:1.27", "alpine:3.20", "scratch",
        "build", "deps", "${BASE}", "node:20@sha256:" + "ab12", "--platform=$BUILDPLATFORM node:22", "cgr.dev/chainguard/node:latest",
    ];

    private string Entry() => t.Pick("server.js", "src/index.js", "index.js", "dist/main.js", "lib.mjs", "missing.js", "dir", "src/routes.js");

    private string Instruction()
    {
        var s = t.Below(26) switch
        {
            0 or 1 => $"FROM {t.Pick(Bases)}{(t.Chance(30) ? " AS " + t.Pick("build", "deps", "runtime", "Build", "RUNTIME") : "")}",
            2 => $"ARG {t.Pick("NODE_VERSION", "BASE", "PORT", "V")}{(t.Chance(60) ? "=" + t.Pick("22", "20.18.3", "\"18\"", "node:22-slim", "${V}", "") : "")}",
            3 => $"ENV {t.Pick(Pools.EnvNames)}={t.Pick("production", "8080", "${PORT}", "\"a b\"", "", "$HOME/x", "'q'")}{(t.Chance(30) ? $" {t.Pick(Pools.EnvNames)}={t.Pick(Pools.Ports)}" : "")}",
            4 => $"ENV {t.Pick(Pools.EnvNames)} {t.Pick("production", "3000", "a b c")}",
            5 => $"COPY {t.Pick(". .", "package*.json ./", "--from=build /app /app", "--chown=node:node . /app", "src/ ./src/", "[\"a b\", \"./\"]", "--from=nope /x /y", "--link . .")}",
            6 => $"ADD {t.Pick(". /app", "https://example.com/x.tgz /tmp/", "app.tar.gz /")}",
            7 => $"WORKDIR {t.Pick("/app", "/usr/src/app", "app", "$HOME", "/", "")}",
            8 => $"EXPOSE {t.Pick(Pools.Ports)}{t.Pick("", "/tcp", "/udp", " 9229", "-8090")}",
            9 or 10 => $"CMD {Command()}",
            11 => $"ENTRYPOINT {t.Pick("[\"node\"]", "[\"docker-entrypoint.sh\"]", "[\"/nodejs/bin/node\"]", "node", "[\"tini\", \"--\"]", "[\"npm\", \"start\"]")}",
            12 => $"RUN {t.Pick("npm ci --omit=dev", "npm run build", "apk add --no-cache curl", "echo hi > /x", "node -e \"console.log(1)\"")}",
            13 => "RUN <<EOF\nnpm ci\nFROM looks-like-an-instruction\nEOF",
            14 => $"COPY <<{t.Pick("EOF", "\"EOF\"", "-EOT")} /app/{t.Pick("server.js", ".env", "config.json")}\nCMD [\"not\", \"this\"]\n{t.Pick("EOF", "EOT", "\tEOT", "")}",
            15 => $"RUN <<-EOT bash\n\tset -e\n\tnpm ci\n\t{t.Pick("EOT", "EOF")}",
            16 => $"USER {t.Pick("node", "1000", "root", "nonroot")}",
            17 => $"HEALTHCHECK {t.Pick("CMD curl -f http://localhost:8080/health || exit 1", "NONE", "--interval=5s CMD [\"node\", \"health.js\"]")}",
            18 => $"LABEL {t.Pick("a=b", "\"x\"=\"y z\"", "org.opencontainers.image.source=https://example.com")}",
            19 => $"SHELL [\"/bin/{t.Pick("sh", "bash")}\", \"-c\"]",
            20 => $"ONBUILD {t.Pick("RUN npm ci", "COPY . .", "CMD [\"x\"]")}",
            21 => $"{t.Pick("from", "cmd", "env", "copy", "Run")} {t.Pick("node:20", "[\"node\", \"app.js\"]", "A=1", ". .", "true")}",
            22 => "STOPSIGNAL SIGTERM",
            23 => $"# {t.Pick("comment", "manifestlint-disable-next-line ML410", "syntax=docker/dockerfile:1", "escape=`")}",
            24 => "",
            _ => t.Chance(weird + 2) ? t.Pick("FROM", "CMD", "ENV =", "ENV ==", "AS AS AS", "\\", "\u0000\u0001", "COPY", "EXPOSE abc/def 99999999999999 -1", "FROM node:20 AS a AS b", "ENV \"B=", "CMD [\"unterminated", "\t\tRUN x", "ARG") : "RUN true",
        };
        if (s.Length > 0 && t.Chance(weird / 2 + 3)) s = Continue(s);
        return s;
    }

    /// <summary>Splits a line with `\` continuations, sometimes with a comment line or a blank line inside.</summary>
    private string Continue(string line)
    {
        var at = line.IndexOf(' ');
        if (at < 0) return line + " \\";
        return line[..at] + " \\\n" + t.Pick("", "  # inside\n", "\n", "    ") + "  " + line[(at + 1)..] + (t.Chance(10) ? " \\" : "");
    }

    private string Command() => t.Below(6) switch
    {
        0 or 1 => $"[\"node\", \"{Entry()}\"]",
        2 => $"node {Entry()}",
        3 => $"[\"npm\", \"{t.Pick("start", "run", "run start:prod")}\"]",
        4 => $"[\"{Entry()}\"]",
        _ => t.Pick("[\"node\", 1]", "[]", "[\"node\", \"--env-file=.env\", \"server.js\"]", "[\"sh\", \"-c\", \"node server.js\"]", "['node', 'server.js']", "[\"node\", \"server.js\""),
    };

    /// <summary>A Dockerfile for an app started by `node <paramref name="entry"/>` on <paramref name="port"/>.</summary>
    public string Dockerfile(string entry, int port)
    {
        var lines = new List<string>();
        if (t.Chance(weird * 2))
        {
            if (t.Chance(20)) lines.Add(t.Pick("# syntax=docker/dockerfile:1", "# escape=`", "# escape=\\", "#syntax=x"));
            for (var n = t.Between(1, 14); n > 0; n--) lines.Add(Instruction());
        }
        else
        {
            if (t.Chance(20)) lines.Add("ARG NODE_VERSION=" + t.Pick("20", "22", "18"));
            lines.Add("FROM " + (t.Chance(70) ? "node:" + t.Pick("20-alpine", "22-slim", "${NODE_VERSION}", "18") : t.Pick(Bases)));
            lines.Add("WORKDIR /app");
            lines.Add("COPY package*.json ./");
            lines.Add("RUN npm ci --omit=dev");
            lines.Add("COPY . .");
            if (t.Chance(50)) lines.Add($"ENV PORT={port}");
            if (t.Chance(70)) lines.Add($"EXPOSE {port}");
            lines.Add(t.Chance(80) ? $"CMD [\"node\", \"{entry}\"]" : $"CMD node {entry}");
        }
        var sb = new StringBuilder();
        foreach (var line in lines) sb.Append(line).Append('\n');
        var text = sb.ToString();
        if (t.Chance(weird / 3)) text = text[..t.Below(text.Length + 1)];
        if (t.Chance(3)) text = text.Replace("\n", "\r\n");
        if (t.Chance(2)) text = "\uFEFF" + text;
        return text;
    }
}
