using ManifestLint.Model;

namespace ManifestLint.Rules.Probes;

/// <summary>ML402: no livenessProbe.</summary>
public sealed class MissingLivenessProbeRule : MissingProbeRule
{
    public override RuleDescriptor Descriptor { get; } = new("ML402", "missing-liveness-probe", "probes-health", Level.Warning);

    protected override string ProbeField => "livenessProbe";

    protected override string Consequence => "a process that hangs (deadlock, stuck event loop) is never restarted.";

    protected override Probe? ProbeOf(Container container) => container.LivenessProbe;

    protected override (bool Report, Level? Cap) Judge(Container container, bool selectedByService) => (true, null);
}
