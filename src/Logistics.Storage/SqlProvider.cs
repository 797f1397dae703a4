namespace Logistics.Storage;

/// <summary>The names of the two providers, as the setting <c>Database:Provider</c> takes them.</summary>
public static class SqlProvider
{
    public const string Sqlite = "sqlite", Postgres = "postgres";

    public static readonly IReadOnlyList<string> All = [Sqlite, Postgres];
}
