using System.Diagnostics;
using System.Text.Json;
using ElderCare.Tests.Infrastructure;

namespace ElderCare.Tests.OpenApi;

/// <summary>
/// ADR 29: the document at /openapi/v1.json is what integrators generate clients from. It passes Redocly's recommended
/// rules with no error (tools/openapi-lint, installed by test.sh), every operation says who may call it and how it fails,
/// and the checked-in copy the test client was generated from is the document the app serves now.
/// </summary>
[Collection(nameof(SharedApp))]
public class OpenApiDocumentTests(AppFactory app)
{
    public static readonly string Repo = FindRepo();

    /// <summary>The copy tests/ElderCare.ApiClient was generated from (scripts/generate-client.sh writes both).</summary>
    public static string CheckedInCopy => Path.Combine(Repo, "tests", "ElderCare.ApiClient", "openapi.json");

    private static string FindRepo()
    {
        var repo = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(repo, "ElderCare.slnx"))) repo = Path.GetDirectoryName(repo.TrimEnd('/'))!;
        return repo;
    }

    private async Task<string> Document()
    {
        var r = await app.Staff.GetAsync("/openapi/v1.json");
        var text = await r.Content.ReadAsStringAsync();
        Assert.True(r.IsSuccessStatusCode, $"/openapi/v1.json answered {(int)r.StatusCode}: {text}");
        return text;
    }

    /// <summary>scripts/generate-client.sh runs this with ELDERCARE_OPENAPI_OUT set to write the document it generates from.</summary>
    [Fact]
    public async Task The_document_is_built_once_and_then_served_from_memory()
    {
        await Document();
        var again = await app.Staff.GetAsync("/openapi/v1.json");
        Assert.True(again.IsSuccessStatusCode);
        Assert.NotNull(again.Headers.Age); // answered by the output cache (DocumentCache), not built again
        var anonymous = await app.CreateClient().GetAsync("/openapi/v1.json");
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, anonymous.StatusCode); // the cache sits behind sign-in
    }

    [Fact]
    public async Task The_document_is_served_and_written_when_asked()
    {
        var text = await Document();
        if (Environment.GetEnvironmentVariable("ELDERCARE_OPENAPI_OUT") is { Length: > 0 } path) await File.WriteAllTextAsync(path, text);
        Assert.Equal("3.1.1", JsonDocument.Parse(text).RootElement.GetProperty("openapi").GetString());
    }

    [Fact]
    public async Task The_linter_reports_no_error_with_its_recommended_rules()
    {
        var tool = Path.Combine(Repo, "tools", "openapi-lint");
        var redocly = Path.Combine(tool, "node_modules", "@redocly", "cli", "bin", "cli.js");
        Assert.True(File.Exists(redocly), $"Redocly CLI is not installed: run `npm ci` in {tool} (test.sh does; CI installs node and npm).");
        var file = Path.Combine(Path.GetTempPath(), $"openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, await Document());
        try
        {
            var start = new ProcessStartInfo("node", [redocly, "lint", file, "--config", Path.Combine(tool, "redocly.yaml"), "--format", "stylish"])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = tool,
            };
            start.Environment["REDOCLY_TELEMETRY"] = "off";
            start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
            using var lint = Process.Start(start)!;
            var output = lint.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var errors = lint.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await lint.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.True(lint.ExitCode == 0, $"redocly lint failed ({lint.ExitCode}):\n{await output}\n{await errors}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_checked_in_client_was_generated_from_the_document_the_app_serves()
    {
        var served = Normalized(await Document());
        var copy = File.Exists(CheckedInCopy) ? Normalized(await File.ReadAllTextAsync(CheckedInCopy, TestContext.Current.CancellationToken)) : "";
        Assert.True(served == copy, "The OpenAPI document differs from the one tests/ElderCare.ApiClient was generated from: " +
                                    "run scripts/generate-client.sh and commit the regenerated client. First difference: " +
                                    FirstDifference(served, copy));
    }

    private static string Normalized(string json) => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement, Indented);

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static string FirstDifference(string a, string b)
    {
        var lines = (a.Split('\n'), b.Split('\n'));
        for (var i = 0; i < Math.Max(lines.Item1.Length, lines.Item2.Length); i++)
        {
            var (x, y) = (i < lines.Item1.Length ? lines.Item1[i] : "", i < lines.Item2.Length ? lines.Item2[i] : "");
            if (x != y) return $"line {i + 1}: served `{x.Trim()}`, generated from `{y.Trim()}`";
        }
        return "none";
    }

    [Fact]
    public async Task Every_operation_has_an_id_a_summary_a_success_response_and_its_errors()
    {
        var doc = JsonDocument.Parse(await Document()).RootElement;
        var ids = new HashSet<string>();
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
        foreach (var op in path.Value.EnumerateObject())
        {
            var name = $"{op.Name.ToUpperInvariant()} {path.Name}";
            var o = op.Value;
            Assert.True(ids.Add(o.GetProperty("operationId").GetString()!), $"{name}: operationId repeated");
            Assert.True(o.TryGetProperty("summary", out var summary) && summary.GetString()!.Any(c => c >= 0x4e00 && c <= 0x9fff),
                $"{name}: no Chinese summary");
            var responses = o.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
            Assert.True(responses.Any(r => r.StartsWith('2')), $"{name}: no success response");
            Assert.Contains("503", responses);
            var secured = o.TryGetProperty("security", out var security) && security.GetArrayLength() > 0;
            if (secured) Assert.True(responses.Contains("401"), $"{name}: secured but no 401");
            if (path.Name.Contains('{', StringComparison.Ordinal)) Assert.True(responses.Contains("404"), $"{name}: no 404");
            if (o.TryGetProperty("requestBody", out _)) Assert.True(responses.Contains("400") && responses.Contains("413"), $"{name}: no 400/413");
            if (responses.Contains("201"))
                Assert.True(o.GetProperty("responses").GetProperty("201").GetProperty("headers").TryGetProperty("Location", out _),
                    $"{name}: 201 without Location");
        }
        Assert.True(ids.Count > 150, $"only {ids.Count} operations");
    }

    [Fact]
    public async Task Schemas_have_unique_meaningful_names_string_enums_and_integer_integers()
    {
        var text = await Document();
        var schemas = JsonDocument.Parse(text).RootElement.GetProperty("components").GetProperty("schemas");
        var names = schemas.EnumerateObject().Select(s => s.Name).ToList();
        Assert.DoesNotContain("Input", names);
        Assert.DoesNotContain(names, n => n.Contains("AnonymousType", StringComparison.Ordinal));
        Assert.Contains("RegisterWorkerInput", names);
        Assert.Contains("RegisterDeviceInput", names);
        Assert.Contains("FacilityRowPage", names);
        var kind = schemas.GetProperty("DeviceKind");
        Assert.Equal("string", kind.GetProperty("type").GetString());
        Assert.Contains("（", kind.GetProperty("description").GetString());
        Assert.DoesNotContain("\"pattern\": \"^-?(?:0|[1-9]\\\\d*)$\"", text);
        var page = schemas.GetProperty("FacilityRowPage").GetProperty("properties");
        Assert.Equal("integer", page.GetProperty("total").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Operations_name_the_security_they_need()
    {
        var doc = JsonDocument.Parse(await Document()).RootElement;
        var schemes = doc.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("bearer", schemes.GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.Equal("X-Device-Key", schemes.GetProperty("deviceKey").GetProperty("name").GetString());
        string Schemes(string path, string method) => string.Join(",", doc.GetProperty("paths").GetProperty(path).GetProperty(method)
            .GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)));
        Assert.Equal("/api/oauth/token", schemes.GetProperty("clientCredentials").GetProperty("flows").GetProperty("clientCredentials")
            .GetProperty("tokenUrl").GetString());
        // A person's token, or an integration account's (ADR 29): either will do.
        Assert.Equal("bearer,clientCredentials", Schemes("/api/facilities", "get"));
        Assert.Equal("", Schemes("/api/auth/token", "post"));
        Assert.Equal("", Schemes("/api/oauth/token", "post"));
        Assert.Equal("deviceKey", Schemes("/api/devices/heartbeat", "post"));
        Assert.Equal("deviceKey,bearer,clientCredentials", Schemes("/api/alarms", "post"));
    }
}
