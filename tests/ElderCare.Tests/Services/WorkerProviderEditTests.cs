using System.Net;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;

namespace ElderCare.Tests.Services;

/// <summary>Editing workers and providers: PUT endpoints with the checks of registering, scope, and the edit pages.</summary>
public class WorkerProviderEditTests(AppFactory app) : IClassFixture<AppFactory>
{
    private Task<Guid> Facility(string region = Make.Changyuan) => app.Staff.NewFacility(Make.CentreIn(region, "编辑测试中心"));

    private Task<Guid> Provider(Guid facility) => app.Staff.Create("/api/providers", new { facilityId = facility });

    private Task<Guid> Worker(Guid provider) => app.Staff.NewWorker(Make.Worker(provider));

    private static object Edit(Guid provider, string? phone = null, string? userName = null, object[]? certificates = null,
        object[]? availability = null,
        string[]? qualifications = null, string[]? regions = null) => new
    {
        providerId = provider, name = "陈助老（改）", phone, kind = "helper", qualifications = qualifications ?? ["helper", "bathing"],
        certificates = certificates ?? [new { qualification = "bathing", number = "ZY-9", expiresOn = "2028-06-30" }],
        regionCodes = regions ?? [Make.Changyuan], availability = availability
            ?? [new { day = 1, from = "09:00", to = "12:00" }, new { day = 3, from = "14:00", to = "17:30" }],
        baseLatitude = 29.40, baseLongitude = 105.59, userName, active = true,
    };

    [Fact]
    public async Task A_worker_is_edited_whole_and_an_empty_phone_keeps_the_stored_one()
    {
        var provider = await Provider(await Facility());
        var id = await Worker(provider);
        var caregiver = await app.User(Role.Caregiver, name: $"edit.caregiver{Make.Serial()}");

        var w = await (await app.Staff.PutJson($"/api/workers/{id}", Edit(provider, userName: caregiver.UserName))).ReadJson();
        Assert.Equal("陈助老（改）", w.GetProperty("name").GetString());
        Assert.Equal("helper", w.GetProperty("kind").GetString());
        Assert.Equal("139****3333", w.GetProperty("phone").GetString());
        Assert.Equal(["helper", "bathing"], w.GetProperty("qualifications").EnumerateArray().Select(q => q.GetString()!).ToArray());
        Assert.Equal("2028-06-30", w.GetProperty("certificates")[0].GetProperty("expiresOn").GetString());
        Assert.Equal(2, w.GetProperty("availability").GetArrayLength());
        Assert.Equal("17:30", w.GetProperty("availability")[1].GetProperty("to").GetString());
        Assert.Equal(caregiver.Id, w.GetProperty("userId").GetGuid());

        var phoned = await (await app.Staff.PutJson($"/api/workers/{id}", Edit(provider, phone: "13700004444", availability: []))).ReadJson();
        Assert.Equal("137****4444", phoned.GetProperty("phone").GetString());
        Assert.Equal(7, phoned.GetProperty("availability").GetArrayLength()); // no slots: the default week
        Assert.Equal(JsonValueKindNull, phoned.GetProperty("userId").ValueKind); // an empty user name unlinks
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    [Fact]
    public async Task Editing_a_worker_reports_each_wrong_field_and_answers_404_outside_scope()
    {
        var facility = await Facility();
        var provider = await Provider(facility);
        var id = await Worker(provider);
        var other = await Worker(provider);
        var linked = await app.User(Role.Caregiver, name: $"edit.linked{Make.Serial()}");
        (await app.Staff.PutJson($"/api/workers/{other}", Edit(provider, userName: linked.UserName))).EnsureSuccessStatusCode();

        await (await app.Staff.PutJson($"/api/workers/{id}", new { providerId = provider, name = "" })).AssertFieldError("name");
        await (await app.Staff.PutJson($"/api/workers/{id}", Edit(provider, phone: "12345"))).AssertFieldError("phone");
        await (await app.Staff.PutJson($"/api/workers/{id}", Edit(provider, availability: [new { day = 8, from = "09:00", to = "08:00" }])))
            .AssertFieldError("availability[0]");
        await (await app.Staff.PutJson($"/api/workers/{id}", Edit(provider, qualifications: ["helper"])))
            .AssertFieldError("certificates[0].qualification");
        await (await app.Staff.PutJson($"/api/workers/{id}", Edit(provider, regions: ["500153999"]))).AssertFieldError("regionCodes");
        await (await app.Staff.PutJson($"/api/workers/{id}", Edit(provider, userName: linked.UserName))).AssertFieldError("userName");
        await (await app.Staff.PutJson($"/api/workers/{id}", Edit(Guid.NewGuid()))).AssertFieldError("providerId");
        await (await app.Staff.PutJson($"/api/workers/{Guid.NewGuid()}", Edit(provider))).AssertProblem(HttpStatusCode.NotFound);

        var panlong = await app.ClientAs(Role.TownOfficer, region: Make.Panlong);
        await (await panlong.PutJson($"/api/workers/{id}", Edit(provider))).AssertProblem(HttpStatusCode.NotFound);
        var stranger = await app.ClientAs(Role.Operator, facilities: [await Facility()]);
        await (await stranger.PutJson($"/api/workers/{id}", Edit(provider))).AssertProblem(HttpStatusCode.NotFound);
        var own = await app.ClientAs(Role.Operator, facilities: [facility]);
        (await own.PutJson($"/api/workers/{id}", Edit(provider))).EnsureSuccessStatusCode();
        // An operator cannot move its worker to a provider it does not run.
        var foreign = await Provider(await Facility(Make.Panlong));
        await (await own.PutJson($"/api/workers/{id}", Edit(foreign))).AssertFieldError("providerId");
    }

    [Fact]
    public async Task A_provider_is_renamed_or_stopped_and_an_organisation_also_moved_within_scope()
    {
        var facilityProvider = await Provider(await Facility());
        var p = await (await app.Staff.PutJson($"/api/providers/{facilityProvider}",
            new { name = "改名服务中心", unitCode = Make.Panlong, active = false })).ReadJson();
        Assert.Equal("改名服务中心", p.GetProperty("name").GetString());
        Assert.Equal(Make.Changyuan, p.GetProperty("unitCode").GetString()); // a facility's provider keeps the facility's unit
        Assert.False(p.GetProperty("active").GetBoolean());
        await (await app.Staff.PutJson($"/api/providers/{facilityProvider}", new { name = "" })).AssertFieldError("name");

        var org = await (await app.Staff.PostJson("/api/providers", new { name = "颐康家政服务社", unitCode = Make.Changyuan })).ReadJson();
        var orgId = org.GetProperty("id").GetGuid();
        var moved = await (await app.Staff.PutJson($"/api/providers/{orgId}",
            new { name = "颐康家政服务社", unitCode = Make.Fenggao, creditCode = "91500153MA5U123456" })).ReadJson();
        Assert.Equal(Make.Fenggao, moved.GetProperty("unitCode").GetString());
        await (await app.Staff.PutJson($"/api/providers/{orgId}", new { name = "颐康", unitCode = Make.Fenggao, creditCode = "123" }))
            .AssertFieldError("creditCode");

        var changyuan = await app.ClientAs(Role.TownOfficer, region: Make.Changyuan);
        await (await changyuan.PutJson($"/api/providers/{orgId}", new { name = "越界" })).AssertProblem(HttpStatusCode.NotFound);
        var fenggao = await app.ClientAs(Role.TownOfficer, region: Make.Fenggao);
        await (await fenggao.PutJson($"/api/providers/{orgId}", new { name = "颐康", unitCode = Make.Panlong })).AssertFieldError("unitCode");
        var op = await app.ClientAs(Role.Operator, facilities: [Guid.NewGuid()]);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.PutJson($"/api/providers/{orgId}", new { name = "运营方" })).StatusCode);
    }

    [Fact]
    public async Task The_worker_and_provider_edit_pages_save_and_show_errors_beside_the_fields()
    {
        var facility = await Facility();
        var provider = await Provider(facility);
        var id = await Worker(provider);
        var page = await app.Staff.Page($"/workers/{id}/edit");
        Assert.Equal("陈助老", page.Value("name"));
        Assert.Contains("139****3333", page.Text);

        (string, string)[] fields(string name, params (string, string)[] more) =>
            [("providerId", provider.ToString()), ("name", name), ("kind", "caregiver"), ("regionCodes", Make.Changyuan), .. more];
        var bad = await (await PostForm($"/workers/{id}/edit", fields("", ("qualifications", "helper")))).Page();
        Assert.Contains("请填写姓名", bad.FieldError("name"));
        var noExpiry = await (await PostForm($"/workers/{id}/edit",
            fields("陈", ("qualifications", "bathing"), ("certificates[0].qualification", "bathing")))).Page();
        Assert.Contains("请填写证书有效期", noExpiry.Text);

        var saved = await (await PostForm($"/workers/{id}/edit", fields("陈助老（页面）", ("active", "true"), ("qualifications", "helper"),
            ("qualifications", "bathing"), ("certificates[0].qualification", "bathing"), ("certificates[0].number", "P-1"),
            ("certificates[0].expires", "2029-01-31"), ("availability[0].day", "2"), ("availability[0].from", "08:30"),
            ("availability[0].to", "11:30")))).Page();
        Assert.Equal("/workers", saved.Path);
        var w = (await (await app.Staff.GetAsync($"/api/workers?providerId={provider}")).ReadJson()).GetProperty("items").EnumerateArray().Single();
        Assert.Equal("陈助老（页面）", w.GetProperty("name").GetString());
        Assert.Equal("139****3333", w.GetProperty("phone").GetString());
        Assert.Equal("2029-01-31", w.GetProperty("certificates")[0].GetProperty("expiresOn").GetString());
        Assert.Equal("08:30", Assert.Single(w.GetProperty("availability").EnumerateArray()).GetProperty("from").GetString());
        Assert.Contains($"/workers/{id}/edit", saved.Links);

        var providerPage = await (await PostForm($"/providers/{provider}/edit", ("name", ""))).Page();
        Assert.Contains("请填写服务机构名称", providerPage.FieldError("name"));
        var renamed = await PostForm($"/providers/{provider}/edit", ("name", "页面改名中心"), ("active", "true"));
        Assert.Contains("页面改名中心", (await renamed.Page()).Text);

        var panlong = await app.ClientAs(Role.TownOfficer, region: Make.Panlong);
        Assert.Equal(HttpStatusCode.NotFound, (await panlong.GetAsync($"/workers/{id}/edit")).StatusCode);
    }

    private Task<HttpResponseMessage> PostForm(string url, params (string Name, string Value)[] fields) => app.PostForm(app.Staff, url, fields);
}
