using System.Net.Http.Headers;
using System.Text;
using Logistics.Mqtt;

namespace Logistics.Testing;

/// <summary>Removes what a test's service leaves on shared servers. Its persistent MQTT session would queue every
/// later message on its subscriptions for as long as the broker keeps sessions (every later test's, and on a
/// developer's machine every later run's); its InfluxDB database would stay for ever.</summary>
public static class ServerLeftovers
{
    /// <summary>Connects as <paramref name="clientId"/> with a clean session, which ends the stored one.</summary>
    /// <exception cref="MqttException">The broker could not be reached or refused the login.</exception>
    public static async Task RemoveSessionAsync(string host, int port, string username, string password, string clientId)
    {
        await using var client = new MqttClient(new MqttClientOptions
        {
            Host = host, Port = port, ClientId = clientId, Username = username, Password = password, CleanSession = true,
        });
        await client.ConnectAsync(CancellationToken.None);
        await client.DisconnectAsync(CancellationToken.None);
    }

    /// <summary>Drops <paramref name="database"/>; nothing happens when InfluxDB cannot be reached.</summary>
    public static async Task DropInfluxDatabaseAsync(Uri url, string username, string password, string database)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));
        try
        {
            using var _ = await http.PostAsync(new Uri(url, $"/query?q={Uri.EscapeDataString($"DROP DATABASE \"{database}\"")}"), null);
        }
        catch (HttpRequestException) { }
    }
}
