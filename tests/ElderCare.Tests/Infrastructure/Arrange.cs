using System.Net;
using System.Text.Json;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Account;
using ElderCare.Web.Features.Facilities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ElderCare.Tests.Infrastructure;

/// <summary>Registers the <see cref="Make"/> bodies through the HTTP API, asserting each answer, and returns the new ids.</summary>
public static class Arrange
{
    /// <summary>Asserts a 201 (showing the body when not) and returns the created resource.</summary>
    public static async Task<JsonElement> Created(this HttpResponseMessage r)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.Created, $"{(int)r.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Asserts a 2xx (showing the body when not) and returns it.</summary>
    public static async Task<JsonElement> Ok(this HttpResponseMessage r)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.IsSuccessStatusCode, $"{(int)r.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static Guid Id(this JsonElement e) => e.GetProperty("id").GetGuid();

    /// <summary>Posts the body and returns the id of what was created (201).</summary>
    public static async Task<Guid> Create(this HttpClient c, string url, object body) => (await (await c.PostJson(url, body)).Created()).Id();

    /// <summary>A new elder (body from <see cref="Make.Elder"/>).</summary>
    public static Task<Guid> NewElder(this HttpClient c, object? body = null) => c.Create("/api/elders", body ?? Make.Elder());

    public static Task<Guid> NewFacility(this HttpClient c, FacilityInput? input = null) => c.Create("/api/facilities", input ?? Make.Facility());

    /// <summary>The provider of the facility: registered now, or the one already registered (409).</summary>
    public static async Task<Guid> ProviderOf(this HttpClient c, Guid facility)
    {
        var r = await c.PostJson("/api/providers", new { facilityId = facility });
        if (r.StatusCode != HttpStatusCode.Conflict) return (await r.Created()).Id();
        var all = await (await c.GetAsync("/api/providers")).Ok();
        return all.EnumerateArray().First(p => p.GetProperty("facilityId").GetString() == facility.ToString()).Id();
    }

    public static Task<Guid> NewWorker(this HttpClient c, object body) => c.Create("/api/workers", body);

    public static Task<Guid> NewKitchen(this HttpClient c, Guid facility, string name) =>
        c.Create("/api/meals/kitchens", new { name, facilityId = facility });

    public static Task<Guid> NewDiningPoint(this HttpClient c, Guid facility, Guid kitchen, string name, double lat = 29.40, double lng = 105.60) =>
        c.Create("/api/meals/dining-points", Make.DiningPoint(facility, kitchen, name, lat, lng));

    /// <summary>The id of the catalogue's service item with the code (e.g. bathing).</summary>
    public static async Task<Guid> ServiceItem(this HttpClient c, string code = "bathing") =>
        (await (await c.GetAsync("/api/service-items")).Ok()).EnumerateArray().Single(i => i.GetProperty("code").GetString() == code).Id();

    /// <summary>An API client signed in (bearer token) as the existing user with the name; the session starts now.</summary>
    public static async Task<HttpClient> ClientOf(this AppFactory app, string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName);
        var (_, token) = await scope.ServiceProvider.GetRequiredService<Sessions>()
            .StartAsync(user!, SessionKind.Token, "127.0.0.1", false, default);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
