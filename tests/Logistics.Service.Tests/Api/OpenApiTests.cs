using System.Net;
using System.Text.Json;

namespace Logistics.Service.Tests.Api;

public sealed class OpenApiTests(ServiceHost host) : IClassFixture<ServiceHost>
{
    [Fact]
    public async Task The_document_is_served_without_a_key_and_lists_the_endpoints_with_the_bearer_scheme()
    {
        var response = await host.CreateClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement;
        var paths = root.GetProperty("paths");
        foreach (var (path, method, operationId) in new[]
                 {
                     ("/api/stores", "get", "GetStores"), ("/api/stores", "put", "PutStores"), ("/api/fleet", "get", "GetFleet"),
                     ("/api/fleet", "put", "PutFleet"), ("/api/orders", "get", "GetOrders"), ("/api/orders", "put", "PutOrders"),
                     ("/api/demo-day", "post", "CreateDemoDay"), ("/api/inputs/stats", "get", "GetInputStats"),
                 })
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is not in the document");
            var operation = item.GetProperty(method);
            Assert.Equal(operationId, operation.GetProperty("operationId").GetString());
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()));
            Assert.Contains(operation.GetProperty("security").EnumerateArray(), r => r.TryGetProperty("Bearer", out _));
        }
        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal(("http", "bearer"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("scheme").GetString()));
        var putStores = paths.GetProperty("/api/stores").GetProperty("put");
        var bodyTypes = putStores.GetProperty("requestBody").GetProperty("content").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["application/json", "multipart/form-data", "text/csv"], bodyTypes.Order());
        Assert.True(putStores.GetProperty("responses").TryGetProperty("400", out _));
    }
}
