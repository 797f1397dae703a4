using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Logistics.Service.Inputs;

/// <summary>A list upload as received: CSV (text/csv, or a multipart "file" field) or JSON, held in memory
/// after checking its size, so that a parser sees the whole of it and a refusal is cheap.</summary>
/// <param name="Name">The file name a CSV error names (the multipart file's own name when it has one).</param>
public sealed record UploadedBody(string Name, byte[] Content, bool IsJson)
{
    /// <summary>Larger than any real day (a 10,000-store list is about 1 MB).</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    public const string FileField = "file";

    public TextReader OpenText() => new StreamReader(new MemoryStream(Content), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);

    /// <summary>Reads the body, or says why it cannot: 413 over <see cref="MaxBytes"/>, 400 for a multipart
    /// body without a "file" field, 415 for another content type (routing refuses those first on endpoints
    /// that declare what they accept).</summary>
    public static async Task<(UploadedBody? Body, ProblemHttpResult? Refusal)> ReadAsync(HttpRequest request, string csvName, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes) return (null, TooLarge(request.ContentLength.Value));
        var type = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value ?? "" : "";
        if (IsJsonType(type) || IsCsv(type))
        {
            var content = await ReadBoundedAsync(request.Body, cancellationToken);
            return content is null ? (null, TooLarge(null)) : (new UploadedBody(IsJsonType(type) ? "request body" : csvName, content, IsJsonType(type)), null);
        }
        if (type.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            // Buffered first so that a chunked body without Content-Length is held to the same limit.
            var content = await ReadBoundedAsync(request.Body, cancellationToken);
            if (content is null) return (null, TooLarge(null));
            request.Body = new MemoryStream(content);
            var form = await request.ReadFormAsync(cancellationToken);
            if (form.Files.GetFile(FileField) is not { } file)
            {
                var errors = new Dictionary<string, string[]> { [FileField] = [$"'' (multipart body): no field named '{FileField}'; send the CSV or JSON file as '{FileField}'"] };
                return (null, TypedResults.Problem(new HttpValidationProblemDetails(errors)
                {
                    Status = StatusCodes.Status400BadRequest, Title = "No file in the upload", Detail = "nothing was saved",
                }));
            }
            await using var stream = file.OpenReadStream();
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken);
            var json = IsJsonType(file.ContentType) || file.FileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
            var name = string.IsNullOrWhiteSpace(file.FileName) ? csvName : Path.GetFileName(file.FileName);
            return (new UploadedBody(name, buffer.ToArray(), json), null);
        }
        return (null, TypedResults.Problem(
            title: "Unsupported content type",
            detail: $"Content-Type '{request.ContentType}' is not accepted: send text/csv, application/json, or multipart/form-data with the file in a field named '{FileField}'.",
            statusCode: StatusCodes.Status415UnsupportedMediaType));
    }

    private static bool IsJsonType(string? type) =>
        type is not null && (type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static bool IsCsv(string? type) => type is not null && type.Equals("text/csv", StringComparison.OrdinalIgnoreCase);

    /// <returns>Null when the body is longer than <see cref="MaxBytes"/>.</returns>
    private static async Task<byte[]?> ReadBoundedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static ProblemHttpResult TooLarge(long? length) => TypedResults.Problem(
        title: "Upload too large",
        detail: $"The body{(length is { } n ? $" ({n:N0} bytes)" : "")} is larger than the limit of {MaxBytes / (1024 * 1024)} MB: split the list or remove unused columns.",
        statusCode: StatusCodes.Status413PayloadTooLarge);
}
