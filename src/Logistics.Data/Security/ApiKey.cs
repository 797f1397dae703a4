namespace Logistics.Data.Security;

/// <summary>An API key as stored: never the secret itself.</summary>
/// <param name="Id">The public part of the key ("lk_{Id}_{secret}"): finds the row without comparing secrets.</param>
public sealed record ApiKey(string Id, string Name, string Role, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>A key just created: <see cref="Token"/> is shown once and cannot be recovered later.</summary>
public sealed record CreatedApiKey(ApiKey Key, string Token);
