namespace Logistics.Storage;

/// <summary>One step of the schema. A step, once released, never changes: a change is a new step, so a
/// database at any earlier version reaches the current one by running the steps after its version.</summary>
/// <param name="Version">Increasing over all steps; gaps are allowed (each area of the schema has its own range).</param>
/// <param name="Sql">Written once, in SQLite's words, for both providers: <see cref="SqlDialect.Ddl"/> turns its column
/// types into PostgreSQL's (INTEGER → BIGINT, REAL → DOUBLE PRECISION, BLOB → BYTEA, an AUTOINCREMENT key → an
/// identity column). Keep to what both understand otherwise; the store tests migrate both.</param>
public sealed record Migration(int Version, string Description, string Sql);
