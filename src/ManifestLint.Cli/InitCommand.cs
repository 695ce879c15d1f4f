namespace ManifestLint.Cli;

/// <summary>`manifestlint init [folder]`: a commented starter configuration; never overwrites one.</summary>
internal static class InitCommand
{
    private const string Starter = """
        # ManifestLint configuration. Its presence also marks the project root.
        # Every key is optional; see `manifestlint rules` and `manifestlint explain <rule>`.

        # Rule levels by id or name: off | note | warning | error. Opt-in rules (off by default) are enabled here too.
        rules:
          # ML402: warning
          # identical-probes: note

        # gitignore-style patterns (relative to this file) that are never read.
        ignore:
          # - legacy/**

        # Namespace of objects without metadata.namespace.
        # defaultNamespace: default

        # Node version every app is judged for (default: worked out per app from Dockerfile FROM, engines, .nvmrc).
        # node: "20.18"

        # Things created outside this repository (a Vault agent, a webhook, another pipeline or chart).
        external:
          # env: [VAULT_TOKEN]                 # variables every linked container gets
          # services: [billing/payments, redis] # `name` (any namespace) or `namespace/name`
          # configMaps: [platform/feature-flags]
          # secrets: [db-credentials]

        # Which app folder runs in which workload, when names do not say so (`manifestlint links` shows the links).
        apps:
          # - source: services/api
          #   workload: Deployment/shop/api
          #   container: api

        """;

    public static int Run(string folder, TextWriter stdout, TextWriter stderr)
    {
        var path = Path.Combine(folder, Discovery.ProjectRoot.ConfigFileName);
        if (!Directory.Exists(folder))
        {
            stderr.WriteLine($"manifestlint: folder not found: {folder}");
            return ExitCodes.Usage;
        }
        if (File.Exists(path))
        {
            stderr.WriteLine($"manifestlint: {path} already exists; not overwritten.");
            return ExitCodes.Usage;
        }
        try
        {
            // CreateNew: a file that appears meanwhile is still never overwritten.
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false));
            writer.Write(Starter);
        }
        catch (IOException ex)
        {
            stderr.WriteLine($"manifestlint: cannot write {path}: {ex.Message}");
            return ExitCodes.Usage;
        }
        stdout.WriteLine($"Wrote {path}. Run `manifestlint {folder}` to lint.");
        return ExitCodes.Clean;
    }
}
