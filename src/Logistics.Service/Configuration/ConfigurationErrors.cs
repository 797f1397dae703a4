using Microsoft.Extensions.Options;

namespace Logistics.Service.Configuration;

public static class ConfigurationErrors
{
    /// <summary>Reads each options value, collecting every validation failure of all of them.</summary>
    public static IReadOnlyList<string> Collect(params Func<IOptions<object>>[] options)
    {
        var failures = new List<string>();
        foreach (var get in options)
        {
            try
            {
                _ = get().Value;
            }
            catch (OptionsValidationException e)
            {
                failures.AddRange(e.Failures);
            }
        }
        return failures;
    }

    /// <summary>The option validation failures inside a start-up exception; empty when it has other causes.</summary>
    public static IReadOnlyList<string> From(Exception e)
    {
        var inner = e is AggregateException aggregate ? aggregate.InnerExceptions : (IReadOnlyList<Exception>)[e];
        return inner.All(x => x is OptionsValidationException)
            ? inner.Cast<OptionsValidationException>().SelectMany(x => x.Failures).ToList()
            : [];
    }
}
