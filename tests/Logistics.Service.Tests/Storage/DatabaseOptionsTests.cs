using System.ComponentModel.DataAnnotations;
using Logistics.Service.Storage;
using Logistics.Storage;

namespace Logistics.Service.Tests.Storage;

public sealed class DatabaseOptionsTests
{
    private static IReadOnlyList<string> Errors(DatabaseOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage!).ToList();
    }

    [Fact]
    public void SQLite_is_the_default_and_needs_only_its_file()
    {
        var options = new DatabaseOptions();
        Assert.Empty(Errors(options));
        Assert.Equal(SqlProvider.Sqlite, options.Open().Dialect.Name);
    }

    [Fact]
    public void An_unknown_provider_and_postgres_without_a_usable_connection_string_are_refused_naming_the_setting()
    {
        Assert.Equal(["Database:Provider: 'mysql' is not a provider; use one of sqlite, postgres"], Errors(new DatabaseOptions { Provider = "mysql" }));
        var missing = Assert.Single(Errors(new DatabaseOptions { Provider = SqlProvider.Postgres }));
        Assert.StartsWith("Database:ConnectionString: Database:Provider is postgres", missing);
        var noHost = Assert.Single(Errors(new DatabaseOptions { Provider = SqlProvider.Postgres, ConnectionString = "Database=logistics;Password=s3cret" }));
        Assert.Equal("Database:ConnectionString: names no Host", noHost);
        var malformed = Assert.Single(Errors(new DatabaseOptions { Provider = SqlProvider.Postgres, ConnectionString = "Host=db;Colour=blue;Password=s3cret" }));
        Assert.StartsWith("Database:ConnectionString: not a PostgreSQL connection string", malformed);
        Assert.DoesNotContain("s3cret", malformed);
        Assert.Single(Errors(new DatabaseOptions { JobLeaseSeconds = 1 }), e => e.Contains("JobLeaseSeconds"));
    }

    [Fact]
    public void On_postgres_the_database_is_named_by_host_port_and_database_never_with_the_password()
    {
        var database = new DatabaseOptions { Provider = SqlProvider.Postgres, ConnectionString = "Host=db.internal;Port=6543;Database=logistics;Username=svc;Password=s3cret" }.Open();
        Assert.Equal("postgres://db.internal:6543/logistics", database.Description);
    }
}
