using ManifestLint.Model;

namespace ManifestLint.Rules.Probes;

/// <summary>ML401: no readinessProbe. An error when a Service selects the pod (traffic reaches it before it
/// can serve), a warning otherwise; not reported for containers that serve nothing (no ports, no Service).</summary>
public sealed class MissingReadinessProbeRule : MissingProbeRule
{
    public override RuleDescriptor Descriptor { get; } = new("ML401", "missing-readiness-probe", "probes-health", Level.Error);

    protected override string ProbeField => "readinessProbe";

    protected override string Consequence => "Services send traffic to it as soon as the process starts, before it can serve, and keep sending while it is broken.";

    protected override Probe? ProbeOf(Container container) => container.ReadinessProbe;

    protected override (bool Report, Level? Cap) Judge(Container container, bool selectedByService) =>
        selectedByService ? (true, null) : (container.Ports.Count > 0, Level.Warning);
}
