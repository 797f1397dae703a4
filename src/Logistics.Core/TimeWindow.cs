namespace Logistics.Core;

/// <summary>A span of local clock time within one day, e.g. a store's receiving window or a depot's
/// opening hours. Windows that cross midnight are not supported: deliveries happen in a day shift.</summary>
public sealed record TimeWindow(TimeOnly Start, TimeOnly End)
{
    public TimeOnly End { get; } = End > Start
        ? End
        : throw new ArgumentException($"window ends ({End:HH\\:mm}) before or when it starts ({Start:HH\\:mm})", nameof(End));

    public TimeSpan Length => End - Start;

    public bool Contains(TimeOnly time) => time >= Start && time <= End;

    public override string ToString() => $"{Start:HH\\:mm}-{End:HH\\:mm}";
}
