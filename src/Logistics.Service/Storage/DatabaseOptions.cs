using System.ComponentModel.DataAnnotations;

namespace Logistics.Service.Storage;

/// <summary>The service's SQLite file (section "Database"): day inputs, plans, API keys.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Relative paths are below the working directory. `logistics keys` takes the same path.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "data/logistics.db";
}
