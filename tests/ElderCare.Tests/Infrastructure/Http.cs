using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Tests.Infrastructure;

public static class Http
{
    public static readonly JsonSerializerOptions Json = CreateJson();

    private static JsonSerializerOptions CreateJson()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        HostSetup.Configure(o);
        return o;
    }

    public static Task<HttpResponseMessage> PostJson(this HttpClient c, string url, object body) => c.PostAsJsonAsync(url, body, Json);

    public static Task<HttpResponseMessage> PutJson(this HttpClient c, string url, object body) => c.PutAsJsonAsync(url, body, Json);

    public static async Task<T> Read<T>(this HttpResponseMessage r) =>
        (await r.Content.ReadFromJsonAsync<T>(Json)) ?? throw new InvalidOperationException("empty body");

    public static async Task<JsonElement> ReadJson(this HttpResponseMessage r) => await r.Read<JsonElement>();

    /// <summary>Asserts a ProblemDetails response with the status, and returns it.</summary>
    public static async Task<JsonElement> AssertProblem(this HttpResponseMessage r, HttpStatusCode status)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(status == r.StatusCode, $"expected {(int)status}, got {(int)r.StatusCode}: {body}");
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    /// <summary>Asserts a 400 whose errors name the field, with a Chinese message; returns the message.</summary>
    public static async Task<string> AssertFieldError(this HttpResponseMessage r, string field)
    {
        var problem = await r.AssertProblem(HttpStatusCode.BadRequest);
        var messages = problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var m) ? m : default;
        Assert.True(messages.ValueKind == System.Text.Json.JsonValueKind.Array, $"no error for '{field}' in {problem}");
        var message = messages[0].GetString()!;
        Assert.Contains(message, m => m >= 0x4e00 && m <= 0x9fff);
        return message;
    }
}
