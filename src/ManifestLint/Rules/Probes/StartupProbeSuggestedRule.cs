using ManifestLint.Model;

namespace ManifestLint.Rules.Probes;

/// <summary>ML409: the container does slow work before it serves (migrations, a build, an on-the-fly compiler)
/// and its liveness probe gives up within a minute, with no startupProbe to hold it off.</summary>
public sealed class StartupProbeSuggestedRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("ML409", "startup-probe-suggested", "probes-health", Level.Note);

    /// <summary>Words in the start command that mean work before serving.</summary>
    private static readonly string[] SlowStartWords =
    [
        "migrate", "migration", "db:migrate", "prisma", "knex", "sequelize", "typeorm", "npm run build", "yarn build", "pnpm build",
        "ts-node", "tsx", "babel-node", "npm install", "npm ci", "seed",
    ];

    private const int LivenessBudgetSeconds = 60;

    public void Analyze(ProjectModel model, RuleContext context)
    {
        var links = model.Links.ToDictionary(l => (l.Workload, l.Container), l => l);
        foreach (var (workload, container) in ProbeSites.LongRunning(model))
        {
            if (container is not { LivenessProbe: { } live, StartupProbe: null } || live.GiveUpAfterSeconds >= LivenessBudgetSeconds) continue;
            var command = container.Command.Count + container.Args.Count > 0
                ? string.Join(' ', container.Command.Concat(container.Args))
                : links.GetValueOrDefault((workload, container))?.Image?.Final is { } stage ? string.Join(' ', stage.Command) : "";
            var slow = SlowStartWords.FirstOrDefault(w => command.Contains(w, StringComparison.Ordinal));
            if (slow is null) continue;
            context.Report(live.Span,
                $"Container `{container.Name}` in {workload.Ref} starts with `{command}`, which does `{slow}` work before serving, and its liveness probe gives up after {live.GiveUpAfterSeconds}s; " +
                "a slow start (a long migration, a cold build) is killed and restarted in a loop. Add a `startupProbe` (e.g. the same check with `failureThreshold: 30`, `periodSeconds: 10`).",
                container.Name, workload.Ref);
        }
    }
}
