namespace Logistics.Core;

/// <summary>A retailer's priority class: 1 is the top (VIP) tier, 5 the ordinary one. Higher tiers are
/// served first when the fleet cannot carry everything.</summary>
public readonly record struct Tier
{
    public const int Top = 1;
    public const int Ordinary = 5;

    public Tier(int level)
    {
        if (level < Top || level > Ordinary)
            throw new ArgumentOutOfRangeException(nameof(level), level, $"tier must be between {Top} (top) and {Ordinary} (ordinary), got {level}");
        Level = level;
    }

    public int Level { get; }

    /// <summary>True when this tier ranks above (is served before) <paramref name="other"/>.</summary>
    public bool IsAbove(Tier other) => Level < other.Level;

    public override string ToString() => Level.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
