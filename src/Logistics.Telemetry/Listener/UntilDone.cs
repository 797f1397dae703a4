using Polly;
using Polly.Retry;

namespace Logistics.Telemetry.Listener;

/// <summary>The listener's retries: a step that must happen before the listener can go on (connect to the broker,
/// prepare the database, store a batch) is tried again, for as long as the service runs, while it fails with
/// <typeparamref name="TException"/>; the caller's token ends the waiting. Built on Polly's retry strategy.</summary>
internal static class UntilDone<TException> where TException : Exception
{
    /// <summary>The longest wait between two attempts of an exponential backoff.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    /// <param name="delay">The wait after the first failure.</param>
    /// <param name="exponential">Whether each further wait doubles (up to <see cref="MaxDelay"/>) or stays the same.</param>
    /// <param name="onRetry">Told each failure and the wait before the next attempt (to log it).</param>
    public static ResiliencePipeline Pipeline(TimeSpan delay, bool exponential, Action<TException, TimeSpan> onRetry) =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<TException>(),
                MaxRetryAttempts = int.MaxValue,
                Delay = delay,
                BackoffType = exponential ? DelayBackoffType.Exponential : DelayBackoffType.Constant,
                MaxDelay = exponential ? MaxDelay : null,
                UseJitter = false,
                OnRetry = args =>
                {
                    onRetry((TException)args.Outcome.Exception!, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
}
