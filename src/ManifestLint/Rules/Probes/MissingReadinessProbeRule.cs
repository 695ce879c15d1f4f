using ManifestLint.Model;

namespace ManifestLint.Rules.Probes;

/// <summary>ML401: no readinessProbe.</summary>
public sealed class MissingReadinessProbeRule : MissingProbeRule
{
    public override RuleDescriptor Descriptor { get; } = new("ML401", "missing-readiness-probe", "probes-health", Level.Warning);

    protected override string ProbeField => "readinessProbe";

    protected override string Consequence => "Services send traffic to it as soon as the process starts, before it can serve, and keep sending while it is broken.";

    protected override Probe? ProbeOf(Container container) => container.ReadinessProbe;
}
