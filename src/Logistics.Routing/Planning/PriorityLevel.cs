using Logistics.Core;

namespace Logistics.Routing.Planning;

/// <summary>The rank of a stop for the prize scheme: tier first, then urgency within a tier.
/// Level 0 is a tier-1 urgent stop, level 9 a tier-5 ordinary one.</summary>
public static class PriorityLevel
{
    public const int Count = (Tier.Ordinary - Tier.Top + 1) * 2;

    public static int Of(Tier tier, bool urgent) => (tier.Level - Tier.Top) * 2 + (urgent ? 0 : 1);
}
