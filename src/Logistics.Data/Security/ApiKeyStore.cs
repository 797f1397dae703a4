using System.Security.Cryptography;
using System.Text;
using System.Data.Common;

namespace Logistics.Data.Security;

/// <summary>Creates, verifies and revokes API keys. A token is "lk_" + a 12-hex-digit id + "_" + 32 random
/// bytes (base64url); only SHA-256 of the secret is stored. A fast hash is enough here because the secret
/// is 256 random bits, not a password a person chose. Thread-safe.</summary>
public sealed class ApiKeyStore(LogisticsDatabase database, TimeProvider? clock = null)
{
    private const string Prefix = "lk_";
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <exception cref="ArgumentException">An unknown role, a blank name, or a name already in use.</exception>
    public async Task<CreatedApiKey> CreateAsync(string name, string role, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("name: a key needs the name of the person or system using it", nameof(name));
        if (!Role.IsKnown(role)) throw new ArgumentException($"role: '{role}' is not a role; use one of {string.Join(", ", Role.All)}", nameof(role));
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = _clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync("INSERT INTO api_keys (id, name, role, secret_sha256, created_at) VALUES (@id, @name, @role, @hash, @at)",
                null, cancellationToken, ("@id", id), ("@name", name.Trim()), ("@role", role), ("@hash", Hash(secret)), ("@at", now.ToUnixTimeMilliseconds()));
        }
        catch (DbException e) when (database.Dialect.IsUniqueViolation(e)) // the name is taken
        {
            throw new ArgumentException($"name: a key named '{name.Trim()}' exists already; revoke it or choose another name", nameof(name), e);
        }
        return new CreatedApiKey(new ApiKey(id, name.Trim(), role, now, null), $"{Prefix}{id}_{secret}");
    }

    /// <summary>The key a token belongs to, or null when it is malformed, unknown, wrong or revoked.</summary>
    public async Task<ApiKey?> VerifyAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 200) return null;
        var separator = token.IndexOf('_', Prefix.Length);
        if (separator < 0) return null;
        var id = token[Prefix.Length..separator];
        var secret = token[(separator + 1)..];
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT name, role, secret_sha256, created_at, revoked_at FROM api_keys WHERE id = @id",
            parameters: ("@id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken) || !reader.IsDBNull(4)) return null;
        var stored = (byte[])reader.GetValue(2);
        if (!CryptographicOperations.FixedTimeEquals(stored, Hash(secret))) return null;
        return new ApiKey(id, reader.GetString(0), reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)), null);
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, name, role, created_at, revoked_at FROM api_keys ORDER BY created_at, name";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new List<ApiKey>();
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(new ApiKey(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                reader.IsDBNull(4) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4))));
        }
        return keys;
    }

    /// <returns>False when no unrevoked key has that name.</returns>
    public async Task<bool> RevokeAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync("UPDATE api_keys SET revoked_at = @at WHERE name = @name AND revoked_at IS NULL", null,
            cancellationToken, ("@at", _clock.GetUtcNow().ToUnixTimeMilliseconds()), ("@name", name.Trim())) > 0;
    }

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
