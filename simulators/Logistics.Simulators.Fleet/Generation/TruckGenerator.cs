using Logistics.Core;

namespace Logistics.Simulators.Fleet.Generation;

/// <summary>One in-cab device: its sensors, its route and its faults, producing one message per
/// interval of simulated time. Pure and deterministic: the same truck of the same scenario gives the
/// same messages whatever the wall clock does. Not thread-safe; one caller at a time.</summary>
public sealed class TruckGenerator
{
    /// <summary>Physics steps no longer than this, so door openings shorter than an interval still count.</summary>
    private const double GoldenRatioConjugate = 0.6180339887498949;

    private static readonly TimeSpan MaximumStep = TimeSpan.FromSeconds(30);

    private static readonly string[] SensorNames = ["front", "middle", "rear", "ceiling"];

    private readonly FleetScenario _scenario;
    private readonly Random _random;
    private readonly CargoClimate _climate;
    private readonly SensorModel[] _sensors;
    private readonly Fault[] _faults;
    private readonly Dictionary<Fault, int> _malformedLeft = [];
    private readonly string _otherTruck;
    private DateTimeOffset _climateTime;
    private long _seq;
    private int _malformedSent;

    internal TruckGenerator(FleetScenario scenario, int index, Route route, Random random, IEnumerable<Fault> faults)
    {
        _scenario = scenario;
        _random = random;
        Truck = FleetScenario.TruckId(index);
        Topic = FleetTopics.Telemetry(Truck);
        Route = route;
        _otherTruck = FleetScenario.TruckId(index + 1);
        _faults = faults.ToArray();
        foreach (var f in _faults.Where(f => f.Kind == FaultKind.Malformed && f.Duration is null))
            _malformedLeft[f] = Fault.DefaultMalformedCount;

        _climate = new CargoClimate(19.5 + random.NextDouble(), 57 + random.NextDouble());
        // 2 to 4 sensors; the fourth, under the ceiling, measures temperature only.
        var count = random.Next(2, 5);
        _sensors = new SensorModel[count];
        var names = count switch { 2 => ["front", "rear"], 3 => ["front", "middle", "rear"], _ => SensorNames };
        for (var i = 0; i < count; i++) _sensors[i] = new SensorModel(names[i], names[i] != "ceiling", random);

        // Trucks start spread over the first interval, so the fleet does not publish in bursts; the
        // golden-ratio sequence spreads them evenly without depending on the size of the fleet.
        NextTime = scenario.Start + scenario.Interval * ((index - 1) * GoldenRatioConjugate % 1);
        _climateTime = scenario.Start;
    }

    public string Truck { get; }
    public string Topic { get; }
    public Route Route { get; }
    public IReadOnlyList<string> Sensors => _sensors.Select(s => s.Name).ToArray();
    public IReadOnlyList<Fault> Faults => _faults;
    public CargoClimate Climate => _climate;

    /// <summary>The simulated time of the next tick.</summary>
    public DateTimeOffset NextTime { get; private set; }

    /// <param name="sampledAt">When the device actually takes the sample, in simulated time; a device running
    /// behind its schedule (a busy machine, a high --rate) stamps that time, as a real one would, rather than
    /// the time it should have sampled. The readings themselves follow the schedule.</param>
    public TruckTick Next(DateTimeOffset? sampledAt = null)
    {
        var now = NextTime;
        NextTime = now + _scenario.Interval;
        AdvanceTo(now);
        var elapsed = now - _scenario.Start;
        if (Active(FaultKind.Silent, elapsed)) return new TruckTick(now, null);

        var position = Route.At(now);
        var door = position.DoorOpen || Active(FaultKind.HumiditySpike, elapsed);
        var faulty = Active(FaultKind.SensorFault, elapsed);
        var readings = new SensorValue[_sensors.Length];
        for (var i = 0; i < _sensors.Length; i++) readings[i] = _sensors[i].Read(_climate, _random, faulty && i == 0);
        var skew = _faults.Where(f => f.Kind == FaultKind.ClockSkew && f.IsActive(elapsed)).Sum(f => f.ClockOffset.Ticks);
        var stamp = sampledAt is { } late && late > now ? late : now;
        var sample = new TelemetrySample(Truck, ++_seq, stamp + TimeSpan.FromTicks(skew), readings, door, position.Location);

        if (TakeMalformed(elapsed))
        {
            var kind = (MalformedKind)(_malformedSent++ % Enum.GetValues<MalformedKind>().Length);
            return new TruckTick(now, new GeneratedMessage(Topic, sample, kind, TelemetryPayload.WriteMalformed(sample, kind, _otherTruck)));
        }
        return new TruckTick(now, new GeneratedMessage(Topic, sample, null, TelemetryPayload.Write(sample)));
    }

    private void AdvanceTo(DateTimeOffset time)
    {
        while (_climateTime < time)
        {
            var step = time - _climateTime < MaximumStep ? time - _climateTime : MaximumStep;
            var middle = _climateTime + step / 2;
            var elapsed = middle - _scenario.Start;
            var (ambientT, ambientH) = Ambient.At(middle);
            var conditions = new CargoConditions(
                DoorOpen: Route.At(middle).DoorOpen,
                Raining: Active(FaultKind.HumiditySpike, elapsed),
                ReeferFailed: Active(FaultKind.ReeferFailure, elapsed),
                ambientT, ambientH);
            _climate.Advance(step, conditions);
            foreach (var sensor in _sensors) sensor.Drift(step, _random);
            _climateTime += step;
        }
    }

    private bool Active(FaultKind kind, TimeSpan elapsed)
    {
        foreach (var f in _faults)
            if (f.Kind == kind && f.IsActive(elapsed)) return true;
        return false;
    }

    private bool TakeMalformed(TimeSpan elapsed)
    {
        var taken = false;
        foreach (var f in _faults)
        {
            if (f.Kind != FaultKind.Malformed || !f.IsActive(elapsed)) continue;
            if (f.Duration is not null) taken = true;
            else if (!taken && _malformedLeft[f] > 0)
            {
                _malformedLeft[f]--;
                taken = true;
            }
        }
        return taken;
    }
}
