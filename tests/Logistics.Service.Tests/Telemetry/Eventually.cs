namespace Logistics.Service.Tests.Telemetry;

/// <summary>Polls until the service has caught up with what a test published (the listener writes asynchronously).</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        T last;
        do
        {
            last = await read();
            if (done(last)) return last;
            await Task.Delay(300);
        } while (DateTime.UtcNow < deadline);
        throw new TimeoutException($"{what} did not happen within {seconds} s");
    }
}
