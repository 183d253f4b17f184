using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Tests.Integrations;

/// <summary>ADR 29: integration accounts created, used (secret, Basic, client credentials), rotated, revoked, limited and audited.</summary>
[Collection(nameof(SharedApp))]
public class ApiClientsApiTests(AppFactory app)
{
    private const string Clients = "/api/integrations/clients";

    private sealed record Created(Guid Id, Guid SecretId, string Secret, string ActorName);

    private async Task<Created> NewClient(HttpClient admin, string role = "district-staff", string? region = null, int? limit = null)
    {
        var name = $"市平台{Make.Serial()}";
        var r = await admin.PostJson(Clients, new { name, role, regionCode = region, expiresOn = "2027-12-31", requestsPerMinute = limit });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        Assert.Equal("no-store", r.Headers.CacheControl?.ToString());
        var body = await r.ReadJson();
        var client = body.GetProperty("client");
        Assert.Equal($"{Clients}/{client.GetProperty("id").GetGuid()}", r.Headers.Location?.OriginalString);
        return new Created(client.GetProperty("id").GetGuid(), body.GetProperty("secretId").GetGuid(), body.GetProperty("secret").GetString()!,
            client.GetProperty("actorName").GetString()!);
    }

    private Task<HttpClient> Admin() => app.ClientAs(Role.DistrictAdmin);

    private HttpClient With(string scheme, string value)
    {
        var c = app.CreateClient();
        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(scheme, value);
        return c;
    }

    private HttpClient Bearer(string value) => With("Bearer", value);

    private HttpClient Basic(Guid id, string secret) => With("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{id}:{secret}")));

    private Task<HttpResponseMessage> Token(Guid id, string secret) =>
        app.CreateClient().PostAsync("/api/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = id.ToString(), ["client_secret"] = secret,
        }));

    private async Task<string> AccessToken(Guid id, string secret)
    {
        var r = await Token(id, secret);
        Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        Assert.Equal("no-store", r.Headers.CacheControl?.ToString());
        var body = await r.ReadJson();
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(15 * 60, body.GetProperty("expires_in").GetInt32());
        return body.GetProperty("access_token").GetString()!;
    }

    private static async Task AssertWorks(HttpClient c, string because) =>
        Assert.True((await c.GetAsync("/api/facilities")).StatusCode == HttpStatusCode.OK, because);

    private static async Task AssertRefused(HttpClient c) => await (await c.GetAsync("/api/facilities")).AssertProblem(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task A_client_is_created_used_rotated_and_revoked_and_a_token_issued_before_revocation_is_refused_at_once()
    {
        var admin = await Admin();
        var first = await NewClient(admin);
        Assert.StartsWith("ecs_", first.Secret, StringComparison.Ordinal);
        await AssertWorks(Bearer(first.Secret), "the secret as a bearer credential");
        await AssertWorks(Basic(first.Id, first.Secret), "client id and secret as Basic");
        var oldToken = await AccessToken(first.Id, first.Secret);
        Assert.StartsWith("ect_", oldToken, StringComparison.Ordinal);
        await AssertWorks(Bearer(oldToken), "the client-credentials token");
        var basicGrant = app.CreateClient();
        basicGrant.DefaultRequestHeaders.Authorization = Basic(first.Id, first.Secret).DefaultRequestHeaders.Authorization;
        var viaBasic = await basicGrant.PostAsync("/api/oauth/token",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }));
        Assert.Equal(HttpStatusCode.OK, viaBasic.StatusCode);

        // Rotation: a second secret, both work; a third is refused.
        var second = await (await admin.PostAsync($"{Clients}/{first.Id}/secrets", null)).Created();
        var secondSecret = second.GetProperty("secret").GetString()!;
        await AssertWorks(Bearer(secondSecret), "the new secret");
        await AssertWorks(Bearer(first.Secret), "the old secret, until it is retired");
        await (await admin.PostAsync($"{Clients}/{first.Id}/secrets", null)).AssertProblem(HttpStatusCode.Conflict);

        // Retiring the old secret refuses it and the token it gave, at once; the new one goes on.
        var retired = await admin.PostAsync($"{Clients}/{first.Id}/secrets/{first.SecretId}/retire", null);
        Assert.True(retired.StatusCode == HttpStatusCode.OK, await retired.Content.ReadAsStringAsync());
        await AssertRefused(Bearer(first.Secret));
        await AssertRefused(Bearer(oldToken));
        await (await Token(first.Id, first.Secret)).AssertProblem(HttpStatusCode.Unauthorized);
        await AssertWorks(Bearer(secondSecret), "the new secret after the rotation");
        await (await admin.PostAsync($"{Clients}/{first.Id}/secrets/{second.GetProperty("secretId").GetGuid()}/retire", null))
            .AssertProblem(HttpStatusCode.Conflict); // the last active secret

        // Revocation: a token issued a moment before is refused on its next call.
        var token = await AccessToken(first.Id, secondSecret);
        await AssertWorks(Bearer(token), "the token before revocation");
        var revoked = await admin.PostAsync($"{Clients}/{first.Id}/revoke", null);
        Assert.Equal("revoked", (await revoked.ReadJson()).GetProperty("status").GetString());
        await AssertRefused(Bearer(token));
        await AssertRefused(Bearer(secondSecret));
        await AssertRefused(Basic(first.Id, secondSecret));
        var grant = await (await Token(first.Id, secondSecret)).AssertProblem(HttpStatusCode.Unauthorized);
        Assert.Equal("invalid_client", grant.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_wrong_secret_is_invalid_client_and_an_unknown_grant_is_refused_by_name()
    {
        var client = await NewClient(await Admin());
        var wrong = await (await Token(client.Id, client.Secret + "x")).AssertProblem(HttpStatusCode.Unauthorized);
        Assert.Equal("invalid_client", wrong.GetProperty("error").GetString());
        var unknown = await (await Token(Guid.CreateVersion7(), client.Secret)).AssertProblem(HttpStatusCode.Unauthorized);
        Assert.Equal("invalid_client", unknown.GetProperty("error").GetString());
        var basic = await Basic(client.Id, "ecs_wrong").GetAsync("/api/facilities");
        await basic.AssertProblem(HttpStatusCode.Unauthorized);
        Assert.StartsWith("Basic", basic.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        await AssertRefused(Bearer("ecs_" + new string('A', 43)));
        await AssertRefused(Bearer("ect_" + new string('A', 43)));
        var grant = await app.CreateClient().PostAsync("/api/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = client.Id.ToString(), ["client_secret"] = client.Secret,
        }));
        Assert.Equal("unsupported_grant_type", (await grant.AssertProblem(HttpStatusCode.BadRequest)).GetProperty("error").GetString());
        var json = await app.CreateClient().PostJson("/api/oauth/token", new { grant_type = "client_credentials" });
        Assert.Equal("invalid_request", (await json.AssertProblem(HttpStatusCode.BadRequest)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Over_its_limit_a_client_gets_429_with_retry_after()
    {
        var client = await NewClient(await Admin(), limit: 3);
        var caller = Bearer(client.Secret);
        for (var i = 0; i < 3; i++) await AssertWorks(caller, $"call {i + 1} of 3");
        var refused = await caller.GetAsync("/api/facilities");
        var problem = await refused.AssertProblem(HttpStatusCode.TooManyRequests);
        Assert.Contains("频繁", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        await AssertWorks(Bearer((await NewClient(await Admin())).Secret), "another client has its own budget");
    }

    [Fact]
    public async Task Every_call_of_a_client_is_audited_under_its_name_and_its_last_use_is_recorded()
    {
        var admin = await Admin();
        var client = await NewClient(admin);
        var caller = Bearer(client.Secret);
        await AssertWorks(caller, "a read");
        await (await caller.PostJson("/api/facilities", new { name = "" })).AssertProblem(HttpStatusCode.BadRequest);
        await AccessToken(client.Id, client.Secret);
        await using var scope = app.Scope(out var db);
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.UserName == client.ActorName).ToListAsync();
        Assert.StartsWith("接口:市平台", client.ActorName, StringComparison.Ordinal);
        Assert.Contains(entries, e => e is { Action: "api.read", Target: "GET /api/facilities", Outcome: "success" });
        Assert.Contains(entries, e => e is { Action: "data.write", Target: "POST /api/facilities", Outcome: "failure" });
        Assert.Contains(entries, e => e is { Action: "auth.client-token", Outcome: "success" });
        var details = await (await admin.GetAsync($"{Clients}/{client.Id}")).ReadJson();
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, details.GetProperty("client").GetProperty("lastUsedAt").GetDateTime());
        Assert.NotEqual(JsonValueKind.Null, details.GetProperty("secrets")[0].GetProperty("lastUsedAt").ValueKind);
    }

    [Fact]
    public async Task A_town_client_sees_its_town_only()
    {
        var inTown = await app.Staff.NewFacility(Make.CentreIn(Make.Fenggao));
        var elsewhere = await app.Staff.NewFacility(Make.CentreIn(Make.Changyuan));
        var client = await NewClient(await Admin(), role: "town-officer", region: Make.Fenggao);
        var caller = Bearer(client.Secret);
        Assert.Equal(HttpStatusCode.OK, (await caller.GetAsync($"/api/facilities/{inTown}")).StatusCode);
        await (await caller.GetAsync($"/api/facilities/{elsewhere}")).AssertProblem(HttpStatusCode.NotFound);
        var write = await caller.PostJson("/api/facilities", Make.CentreIn(Make.Changyuan));
        Assert.True(write.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest or HttpStatusCode.Forbidden,
            await write.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Only_the_district_administrator_manages_clients_and_a_client_never_does()
    {
        await (await app.Staff.GetAsync(Clients)).AssertProblem(HttpStatusCode.Forbidden);
        var client = await NewClient(await Admin());
        await (await Bearer(client.Secret).GetAsync(Clients)).AssertProblem(HttpStatusCode.Forbidden);
        await (await Bearer(client.Secret).PostJson(Clients, new { name = "x" })).AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_bad_client_is_refused_field_by_field_in_chinese_and_a_taken_name_is_a_conflict()
    {
        var admin = await Admin();
        foreach (var field in new[] { "name", "role", "expiresOn" }) await (await admin.PostJson(Clients, new { })).AssertFieldError(field);
        await (await admin.PostJson(Clients, new { name = "管理员接口", role = "district-admin", expiresOn = "2027-01-01" })).AssertFieldError("role");
        await (await admin.PostJson(Clients, new { name = "镇接口", role = "town-officer", expiresOn = "2027-01-01" })).AssertFieldError("regionCode");
        await (await admin.PostJson(Clients, new { name = "过期接口", role = "evaluator", expiresOn = "2020-01-01" })).AssertFieldError("expiresOn");
        await (await admin.PostJson(Clients, new { name = "限流接口", role = "evaluator", expiresOn = "2027-01-01", requestsPerMinute = 0 }))
            .AssertFieldError("requestsPerMinute");
        var taken = await NewClient(admin);
        var name = (await (await admin.GetAsync($"{Clients}/{taken.Id}")).ReadJson()).GetProperty("client").GetProperty("name").GetString();
        await (await admin.PostJson(Clients, new { name, role = "evaluator", expiresOn = "2027-01-01" })).AssertProblem(HttpStatusCode.Conflict);
        await (await admin.GetAsync($"{Clients}/{Guid.CreateVersion7()}")).AssertProblem(HttpStatusCode.NotFound);
        await (await admin.PostAsync($"{Clients}/{Guid.CreateVersion7()}/revoke", null)).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_client_list_is_a_page_like_every_other_list()
    {
        var admin = await Admin();
        await NewClient(admin);
        var page = await (await admin.GetAsync($"{Clients}?page=1&pageSize=5")).ReadJson();
        Assert.Equal((1, 5), (page.GetProperty("page").GetInt32(), page.GetProperty("pageSize").GetInt32()));
        Assert.True(page.GetProperty("total").GetInt32() >= 1);
        Assert.False(page.GetProperty("items")[0].TryGetProperty("secret", out _));
        await (await admin.GetAsync($"{Clients}?page=0")).AssertFieldError("page");
    }
}
