using ElderCare.Tests.Infrastructure;

namespace ElderCare.Tests.OpenApi;

[Collection(nameof(SharedApp))]
public class OpenApiDocumentTests(AppFactory app)
{
    [Fact]
    public async Task Dump()
    {
        var text = await app.Staff.GetStringAsync("/openapi/v1.json");
        if (Environment.GetEnvironmentVariable("OPENAPI_OUT") is { Length: > 0 } path) await File.WriteAllTextAsync(path, text);
    }
}
