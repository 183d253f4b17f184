using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Account;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Services;
using ElderCare.Web.Infrastructure.Spreadsheets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using T = ElderCare.Web.Features.Elders.ElderImportTemplate;

namespace ElderCare.Tests.Web;

/// <summary>
/// ADR 20: every create and update endpoint refuses NUL, a bidirectional override (U+202E) and a zero-width space
/// (U+200B) in its free text with a 400 naming the field, and stores the text it accepts in NFC.
/// </summary>
public class FreeTextApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const double HomeLat = Make.HomeLat, HomeLng = Make.HomeLng;
    private const string Today = Make.Today;

    public sealed record World(Guid Facility, Guid Provider, Guid Worker, Guid Elder, Guid Item, Guid Order, Guid VisitInProgress, Guid Complaint,
        Guid FollowUp, Guid Alarm, Guid Kitchen, Guid Point, Guid MealOrder, Guid User, HttpClient Caregiver, HttpClient Admin, HttpClient Unmasker);

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static (AppFactory App, World World)? _world;

    private static string Unique(string prefix) => $"{prefix}{Make.Serial()}";

    private static Task<JsonElement> Ok(HttpResponseMessage r) => r.Ok();

    private static Guid Id(JsonElement e) => e.Id();

    /// <summary>One of everything an update endpoint needs, arranged once per test class.</summary>
    private async Task<World> Arrange()
    {
        await Gate.WaitAsync();
        try
        {
            if (_world is { } w && w.App == app) return w.World;
            var staff = app.Staff;
            var now = app.Clock.GetUtcNow();
            var facility = Id(await Ok(await staff.PostJson("/api/facilities", Make.Facility(name: Unique("文字规则测试中心")))));
            var provider = Id(await Ok(await staff.PostJson("/api/providers", new { facilityId = facility })));
            var caregiverUser = await app.User(Role.Caregiver, name: Unique("freetext.caregiver"));
            var worker = await staff.NewWorker(Make.Caregiver(provider, "王护理", caregiverUser.UserName));
            var caregiver = await app.ClientOf(caregiverUser.UserName!);
            var elder = Id(await Ok(await staff.PostJson("/api/elders", ElderBody("周淑芬"))));
            var item = await staff.ServiceItem("bathing");
            var order = Id(await Ok(await staff.PostJson("/api/orders", new
            {
                elderId = elder, serviceItemId = item, windowStart = now.AddHours(3), windowEnd = now.AddHours(4),
            })));
            var visit = Id(await Ok(await staff.PostJson("/api/orders", new
            {
                elderId = elder, serviceItemId = item, windowStart = now.AddMinutes(-90), windowEnd = now.AddMinutes(10),
            })));
            await Ok(await staff.PostJson($"/api/orders/{visit}/assign", new { workerId = worker }));
            await Ok(await caregiver.PostJson($"/api/orders/{visit}/check-in",
                new { lat = HomeLat + 0.0001, lng = HomeLng, at = now.AddMinutes(-85) }));
            var complaint = Id(await Ok(await staff.PostJson($"/api/orders/{order}/complaints", new { severity = "minor", text = "上门迟到" })));
            Guid followUp;
            await using (var scope = app.Scope(out var db))
            {
                var f = new FollowUp { OrderId = order, QueuedAt = now.UtcDateTime };
                db.FollowUps.Add(f);
                await db.SaveChangesAsync();
                followUp = f.Id;
            }
            var alarm = Id(await Ok(await staff.SendAsync(Alarm(Unique("freetext-"),
                new { kind = "fall", occurredAt = now.AddSeconds(-5), elderId = elder }))));
            var kitchen = await staff.NewKitchen(facility, Unique("中央厨房"));
            var point = await staff.NewDiningPoint(facility, kitchen, Unique("助餐点"));
            await Ok(await staff.PostJson("/api/meals/menus", Menu(kitchen, "普通套餐")));
            await Ok(await staff.PutJson($"/api/meals/profiles/{elder}",
                new { diets = Array.Empty<string>(), diningPointId = point, mode = "delivery" }));
            var mealOrder = Id(await Ok(await staff.PostJson("/api/meals/orders", new { elderId = elder, date = Today, meal = "lunch" })));
            var user = (await app.User(Role.Caregiver, name: Unique("freetext.user"))).Id;
            var world = new World(facility, provider, worker, elder, item, order, visit, complaint, followUp, alarm, kitchen, point, mealOrder, user,
                caregiver, await app.ClientAs(Role.DistrictAdmin), await app.UnmaskingClient(Role.DistrictAdmin));
            _world = (app, world);
            return world;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static object ElderBody(string name, string address = "荣昌区昌元街道海棠路 8 号") =>
        Make.Elder(name: name, categories: ["extreme-poverty"], lat: HomeLat, lng: HomeLng, address: address);

    private static object Menu(Guid kitchen, string setName, string dish = "米饭") =>
        Make.Menu(kitchen, setName: setName, dishes: ["红烧肉", dish]);

    private static HttpRequestMessage Alarm(string idempotencyKey, object body)
    {
        var m = new HttpRequestMessage(HttpMethod.Post, "/api/alarms") { Content = JsonContent.Create(body, options: Http.Json) };
        m.Headers.Add("Idempotency-Key", idempotencyKey);
        return m;
    }

    private sealed record Call(string Field, Func<World, string, HttpRequestMessage> Request, Func<World, HttpClient>? Client = null);

    private static HttpRequestMessage Send(HttpMethod method, string url, object body) =>
        new(method, url) { Content = JsonContent.Create(body, options: Http.Json) };

    private static HttpRequestMessage Post(string url, object body) => Send(HttpMethod.Post, url, body);

    private static HttpRequestMessage Put(string url, object body) => Send(HttpMethod.Put, url, body);

    /// <summary>Every create and update endpoint with free text, a representative field of each, and the request carrying <c>t</c> there.</summary>
    private static readonly Dictionary<string, Call> Calls = new()
    {
        ["POST /api/users"] = new("displayName", (w, t) => Post("/api/users",
            new { userName = Unique("ft.u"), displayName = t, role = "district-staff", password = AppFactory.Password }), w => w.Admin),
        ["PUT /api/users/{id}"] = new("displayName",
            (w, t) => Put($"/api/users/{w.User}", new { displayName = t, role = "caregiver" }), w => w.Admin),
        ["POST /api/users/{id}/unmask"] = new("reason", (w, t) => Post($"/api/users/{w.User}/unmask", new { reason = $"核对{t}手机号" }), w => w.Unmasker),
        ["POST /api/elders"] = new("name", (w, t) => Post("/api/elders", ElderBody(t))),
        ["PUT /api/elders/{id}"] = new("address", (w, t) => Put($"/api/elders/{w.Elder}", ElderBody("周淑芬", address: t))),
        ["POST /api/elders/{id}/unmask"] = new("reason", (w, t) => Post($"/api/elders/{w.Elder}/unmask",
            new { field = "phone", reason = $"上门{t}核对" }), w => w.Unmasker),
        ["POST /api/elders/{id}/assessments"] = new("assessors[1]", (w, t) =>
            Post($"/api/elders/{w.Elder}/assessments", new { assessedOn = Today, reason = "first", assessors = new[] { "张评估", t } })),
        ["POST /api/elders/{id}/barthel"] = new("assessor", (w, t) => Post($"/api/elders/{w.Elder}/barthel",
            new { assessedOn = Today, assessor = t })),
        ["POST /api/elders/{id}/self-care"] = new("assessor", (w, t) =>
            Post($"/api/elders/{w.Elder}/self-care", new { assessedOn = Today, assessor = t, notAchieved = Array.Empty<string>() })),
        ["POST /api/facilities"] = new("name", (w, t) => Post("/api/facilities", Make.Facility(name: t))),
        ["PUT /api/facilities/{id}"] = new("operatorName", (w, t) => Put($"/api/facilities/{w.Facility}",
            Make.Facility() with { OperatorName = t, Version = 1 })),
        ["POST /api/regions"] = new("name", (w, t) => Post("/api/regions",
            new { code = "500153001999", name = t, kind = "community", parentCode = Make.Changyuan })),
        ["PUT /api/regions/{code}"] = new("name", (w, t) => Put($"/api/regions/{Make.Changyuan}", new { name = t })),
        ["POST /api/providers"] = new("name", (w, t) => Post("/api/providers", new { name = t, unitCode = Make.Changyuan })),
        ["PUT /api/providers/{id}"] = new("name", (w, t) => Put($"/api/providers/{w.Provider}", new { name = t })),
        ["POST /api/workers"] = new("name", (w, t) => Post("/api/workers",
            new { providerId = w.Provider, name = t, phone = "13900003333", kind = "caregiver", regionCodes = new[] { Make.Changyuan } })),
        ["PUT /api/workers/{id}"] = new("name", (w, t) => Put($"/api/workers/{w.Worker}",
            new { providerId = w.Provider, name = t, kind = "caregiver", regionCodes = new[] { Make.Changyuan } })),
        ["PUT /api/service-items/{id}"] = new("name", (w, t) => Put($"/api/service-items/{w.Item}", new { name = t })),
        ["POST /api/orders"] = new("address", (w, t) => Post("/api/orders", new { elderId = w.Elder, serviceItemId = w.Item, address = t })),
        ["POST /api/orders/{id}/assign"] = new("note", (w, t) => Post($"/api/orders/{w.Order}/assign", new { workerId = w.Worker, note = t })),
        ["POST /api/orders/{id}/check-out"] = new("notes", (w, t) => Post($"/api/orders/{w.VisitInProgress}/check-out",
            new { lat = HomeLat, lng = HomeLng, notes = t }), w => w.Caregiver),
        ["PUT /api/service-items/{id}/checklist"] = new("steps[0]",
            (w, t) => Put($"/api/service-items/{w.Item}/checklist", new { steps = new[] { t } })),
        ["POST /api/orders/{id}/rating"] = new("comment", (w, t) => Post($"/api/orders/{w.Order}/rating", new { score = 5, comment = t })),
        ["POST /api/orders/{id}/review"] = new("reason", (w, t) => Post($"/api/orders/{w.Order}/review", new { outcome = "accepted", reason = t })),
        ["POST /api/orders/{id}/cancel"] = new("reason", (w, t) => Post($"/api/orders/{w.Order}/cancel", new { reason = t })),
        ["POST /api/orders/{id}/missed"] = new("reason", (w, t) => Post($"/api/orders/{w.Order}/missed", new { reason = t })),
        ["POST /api/orders/{id}/complaints"] = new("text", (w, t) => Post($"/api/orders/{w.Order}/complaints", new { severity = "minor", text = t })),
        ["POST /api/complaints/{id}/resolve"] = new("resolution", (w, t) => Post($"/api/complaints/{w.Complaint}/resolve", new { resolution = t })),
        ["POST /api/follow-ups/{id}"] = new("notes", (w, t) => Post($"/api/follow-ups/{w.FollowUp}",
            new { reached = true, serviceHappened = true, notes = t })),
        ["POST /api/family-beds"] = new("devices[0]", (w, t) => Post("/api/family-beds",
            new { elderId = w.Elder, facilityId = w.Facility, serviceItemId = w.Item, visitsPerMonth = 4, devices = new[] { t } })),
        ["POST /api/devices"] = new("serial", (w, t) => Post("/api/devices", new { elderId = w.Elder, kind = "smart-watch", serial = t })),
        ["POST /api/alarms"] = new("note", (w, t) => { var m = Alarm(Unique("ft-"),
            new { kind = "fall", occurredAt = AppFactory.Start.AddSeconds(-5), elderId = w.Elder, note = t }); return m; }),
        ["POST /api/alarms/{id}/acknowledge"] = new("note", (w, t) => Post($"/api/alarms/{w.Alarm}/acknowledge", new { note = t })),
        ["POST /api/meals/kitchens"] = new("name", (w, t) => Post("/api/meals/kitchens", new { name = t, facilityId = w.Facility })),
        ["PUT /api/meals/kitchens/{id}"] = new("address", (w, t) => Put($"/api/meals/kitchens/{w.Kitchen}",
            new { name = "中央厨房", facilityId = w.Facility, address = t })),
        ["POST /api/meals/dining-points"] = new("name", (w, t) => Post("/api/meals/dining-points",
            new { name = t, facilityId = w.Facility, kitchenId = w.Kitchen })),
        ["PUT /api/meals/dining-points/{id}"] = new("address", (w, t) =>
            Put($"/api/meals/dining-points/{w.Point}", new { name = "助餐点", facilityId = w.Facility, kitchenId = w.Kitchen, address = t })),
        ["POST /api/meals/menus"] = new("sets[0].name", (w, t) => Post("/api/meals/menus", Menu(w.Kitchen, t))),
        ["PUT /api/meals/profiles/{elderId}"] = new("notes", (w, t) =>
            Put($"/api/meals/profiles/{w.Elder}", new { diningPointId = w.Point, mode = "delivery", notes = t })),
        ["POST /api/meals/orders/{id}/delivery"] = new("note", (w, t) =>
            Post($"/api/meals/orders/{w.MealOrder}/delivery", new { location = new { lat = HomeLat, lng = HomeLng }, note = t })),
        ["POST /api/meals/batches"] = new("setCode", (w, t) => Post("/api/meals/batches",
            new { kitchenId = w.Kitchen, date = Today, meal = "lunch", setCode = t })),
        ["POST /api/meals/subsidy-rates"] = new("source", (w, t) => Post("/api/meals/subsidy-rates",
            new { group = "elder", effectiveFrom = "2027-01-01", perMealFen = 300, source = t })),
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var endpoint in Calls.Keys)
            foreach (var c in new[] { "U+0000", "U+202E", "U+200B" })
                data.Add(endpoint, c);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_create_and_update_endpoint_refuses_NUL_a_bidi_override_and_a_zero_width_space_with_400_naming_the_field(string endpoint,
        string codePoint)
    {
        var w = await Arrange();
        var c = (char)Convert.ToInt32(codePoint[2..], 16);
        var call = Calls[endpoint];
        var r = await (call.Client?.Invoke(w) ?? app.Staff).SendAsync(call.Request(w, $"AB{c}CD"));
        var message = await r.AssertFieldError(call.Field);
        Assert.Contains("不可见或控制字符", message);
    }

    [Fact]
    public async Task A_display_name_longer_than_50_characters_is_refused_and_50_astral_characters_are_accepted()
    {
        var w = await Arrange();
        var r = await w.Admin.PutJson($"/api/users/{w.User}", new { displayName = new string('张', 51), role = "caregiver" });
        Assert.Equal("姓名不能超过 50 个字符。", await r.AssertFieldError("displayName"));
        r = await w.Admin.PostJson("/api/users", new { userName = Unique("ft.long"), displayName = new string('张', 51), role = "district-staff",
            password = AppFactory.Password });
        await r.AssertFieldError("displayName");

        var astral = string.Concat(Enumerable.Repeat("\U00020000", 50)); // 100 UTF-16 units, 50 characters
        var ok = await Ok(await w.Admin.PutJson($"/api/users/{w.User}", new { displayName = astral, role = "caregiver" }));
        Assert.Equal(astral, ok.GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task Stored_text_is_NFC_normalised_and_trimmed_and_multi_line_text_has_LF_line_ends()
    {
        var w = await Arrange();
        var decomposed = "Jose\u0301 周淑芬"; // e + combining acute accent
        var elder = Id(await Ok(await app.Staff.PostJson("/api/elders", ElderBody("  " + decomposed + "\u3000", address: "海棠路 8 号 Cafe\u0301"))));
        var complaint = await Ok(await app.Staff.PostJson($"/api/orders/{w.Order}/complaints",
            new { severity = "minor", text = "第一行\r\n第二行\r第三行 Cafe\u0301" }));

        await using var scope = app.Scope(out var db);
        var stored = await db.Elders.AsNoTracking().SingleAsync(e => e.Id == elder);
        Assert.Equal("Jos\u00E9 周淑芬", stored.Name);
        Assert.True(stored.Name.IsNormalized(NormalizationForm.FormC));
        Assert.Equal("海棠路 8 号 Caf\u00E9", stored.Address);
        var text = await db.Complaints.AsNoTracking().Where(x => x.Id == Id(complaint)).Select(x => x.Text).SingleAsync();
        Assert.Equal("第一行\n第二行\n第三行 Caf\u00E9", text);
    }

    [Fact]
    public async Task A_spreadsheet_import_row_with_a_bidi_override_in_a_name_is_rejected_naming_the_column()
    {
        var row = T.Columns.ToDictionary(c => c, object? (_) => null);
        row[T.Name] = "李\u202E兰";
        row[T.IdNumber] = Make.IdNumber();
        row[T.RegionCode] = Make.Changyuan;
        row[T.Living] = "独居";
        row[T.ConsentBasis] = "本人同意";
        var r = await app.Staff.PostXlsx("/api/elders/import", Uploads.Workbook(T.DataSheet, [row]), "elders.xlsx");

        var result = await Ok(r);
        Assert.Equal(0, result.GetProperty("imported").GetInt32());
        var error = Assert.Single(result.GetProperty("errors").EnumerateArray());
        Assert.Equal(T.Name, error.GetProperty("column").GetString());
        Assert.Contains("不可见或控制字符（U+202E）", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_form_page_shows_the_refusal_under_the_field_and_keeps_what_was_typed()
    {
        var w = await Arrange();
        var page = await (await app.PostForm(w.Admin, $"/users/{w.User}/edit", ("displayName", "王\u200B芳"), ("role", "caregiver"))).Page();
        Assert.Contains("姓名含有不可见或控制字符（U+200B）", page.FieldError("displayName"));
        await using var scope = app.Scope(out var db);
        Assert.DoesNotContain('\u200B', (await db.Users.AsNoTracking().SingleAsync(u => u.Id == w.User)).DisplayName);
    }

    [Fact]
    public async Task A_plan_import_with_a_bidi_override_in_a_note_is_refused_naming_the_sheet_row_and_column()
    {
        var xlsx = await (await app.Staff.GetAsync("/api/plan/export.xlsx")).Content.ReadAsByteArrayAsync();
        var sheets = Uploads.Sheets(xlsx);
        sheets[ElderCare.Web.Features.Plan.PlanSheets.Urban.Name][1]["社区养老服务站备注"] = "待\u202E定";
        var r = await app.Staff.PostXlsx("/api/plan/import", Uploads.Workbook(sheets), "plan.xlsx");
        var message = await r.AssertFieldError($"{ElderCare.Web.Features.Plan.PlanSheets.Urban.Name}第3行:社区养老服务站备注");
        Assert.Contains("不可见或控制字符（U+202E）", message);
    }
}
