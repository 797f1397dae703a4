using Microsoft.Extensions.Options;

namespace Logistics.Telemetry.Alerts.Configuration;

/// <summary>Start-up validation of <see cref="AlertOptions"/>, so a bad profile stops the service with a message
/// that names the setting instead of surfacing at the first reading.</summary>
public sealed class AlertOptionsValidator : IValidateOptions<AlertOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertOptions options)
    {
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
