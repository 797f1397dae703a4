using Logistics.Data.Schema;

namespace Logistics.Data.Security;

internal static class ApiKeySchema
{
    public static readonly IReadOnlyList<Migration> Steps =
    [
        new(1, "API keys (hashed) and their roles", """
            CREATE TABLE api_keys (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                role TEXT NOT NULL,
                secret_sha256 BLOB NOT NULL,
                created_at INTEGER NOT NULL,
                revoked_at INTEGER NULL
            );
            """),
    ];
}
