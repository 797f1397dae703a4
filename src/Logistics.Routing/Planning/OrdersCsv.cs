using Logistics.Core;
using Logistics.Core.Csv;

namespace Logistics.Routing.Planning;

/// <summary>Reads orders.csv (columns in docs/planning-input.md); every order must name a known store.</summary>
public static class OrdersCsv
{
    public const string Id = "order_id", StoreId = "store_id", Cartons = "cartons", WeightKg = "weight_kg", Urgent = "urgent";

    public static IReadOnlyList<Order> Read(string path, IReadOnlySet<string> storeIds)
    {
        using var reader = new StreamReader(path);
        return Read(reader, Path.GetFileName(path), storeIds);
    }

    public static IReadOnlyList<Order> Read(TextReader reader, string file, IReadOnlySet<string> storeIds)
    {
        var (t, rows) = CsvTable.Read(reader, file, [Id, StoreId, Cartons]);
        var orders = new List<Order>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (row, fields) in rows)
        {
            t.Start(row, fields);
            var id = t.Text(Id);
            var unique = id is null || t.CheckUnique(seen, Id, id);
            var storeId = t.Text(StoreId);
            var knownStore = storeId is null || storeIds.Contains(storeId);
            if (!knownStore) t.Error(StoreId, storeId!, "no store with this id in the stores file");
            var cartons = t.Integer(Cartons);
            if (cartons <= 0) t.Error(Cartons, t.Raw(Cartons), "cartons must be greater than 0");
            var weight = t.HasColumn(WeightKg) ? t.Number(WeightKg, required: false) : null;
            if (weight <= 0) t.Error(WeightKg, t.Raw(WeightKg), "weight must be greater than 0 kg when given");
            var urgent = t.HasColumn(Urgent) ? t.Flag(Urgent) : false;
            if (id is null || !unique || storeId is null || !knownStore || cartons is not > 0 || weight <= 0 || urgent is null)
                continue;
            var order = t.Build(Id, id, () => new Order(id, storeId, cartons.Value, weight, urgent.Value));
            if (order is not null) orders.Add(order);
        }
        if (t.HasErrors) throw new InputValidationException(t.Errors);
        return orders;
    }
}
