using Microsoft.Extensions.Options;

namespace Logistics.Service.Configuration;

public static class ConfigurationErrors
{
    /// <summary>The option validation failures inside a start-up exception; empty when it has other causes.</summary>
    public static IReadOnlyList<string> From(Exception e)
    {
        var inner = e is AggregateException aggregate ? aggregate.InnerExceptions : (IReadOnlyList<Exception>)[e];
        return inner.All(x => x is OptionsValidationException)
            ? inner.Cast<OptionsValidationException>().SelectMany(x => x.Failures).ToList()
            : [];
    }
}
