using System.Net;
using System.Text.Json;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Account;
using ElderCare.Web.Features.Elders;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Tests.Services;

public class ServicesApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const double HomeLat = Make.HomeLat, HomeLng = Make.HomeLng;

    public sealed record World(Guid Facility, Guid Provider, Guid Worker, HttpClient Caregiver, Guid Elder, Guid Bathing);

    private Task<Guid> Facility(string name = "昌元街道养老服务中心") => app.Staff.NewFacility(Make.Facility(name: name));

    private Task<Guid> NewElder(string[]? categories = null, string region = Make.Changyuan, string living = "alone", string born = "19400101") =>
        app.Staff.NewElder(Make.Elder(name: "周淑芬", regionCode: region, living: living, categories: categories ?? ["extreme-poverty"], born: born,
            lat: HomeLat, lng: HomeLng, address: "荣昌区昌元街道海棠路 8 号"));

    /// <summary>A caregiver 1 km north of the home, with a user of their own and that user's signed-in client.</summary>
    private async Task<(Guid Worker, HttpClient Client)> NewWorker(Guid provider, string? certificateExpires = "2027-12-31")
    {
        var n = Make.Serial();
        var user = await app.User(Role.Caregiver, name: $"caregiver{n}");
        var w = await (await app.Staff.PostJson("/api/workers",
            Make.Caregiver(provider, $"王护理{n}", user.UserName, certificateExpires, baseLat: HomeLat + 0.009))).Created();
        Assert.Equal("139****2222", w.GetProperty("phone").GetString());
        return (w.Id(), await app.ClientOf(user.UserName!));
    }

    private Task<Guid> Item(string code) => app.Staff.ServiceItem(code);

    private async Task<World> Arrange()
    {
        var facility = await Facility();
        var provider = await app.Staff.ProviderOf(facility);
        var (worker, caregiver) = await NewWorker(provider);
        return new World(facility, provider, worker, caregiver, await NewElder(), await Item("bathing"));
    }

    private DateTimeOffset Now => app.Clock.GetUtcNow();

    /// <summary>A window that started 90 minutes ago, so the visit can be recorded in the past of the fake clock.</summary>
    private async Task<JsonElement> Order(World w, Guid? elder = null, int startMinutesAgo = 90)
    {
        var r = await app.Staff.PostJson("/api/orders", new
        {
            elderId = elder ?? w.Elder, serviceItemId = w.Bathing, windowStart = Now.AddMinutes(-startMinutesAgo),
            windowEnd = Now.AddMinutes(-startMinutesAgo + 100),
        });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return await r.ReadJson();
    }

    private static string Id(JsonElement e) => e.GetProperty("id").GetString()!;

    [Fact]
    public async Task A_worker_picked_from_outside_the_elders_region_is_still_refused_when_already_booked_in_that_window()
    {
        var w = await Arrange(); // the worker serves 昌元街道
        await Ok(await app.Staff.PostJson($"/api/orders/{Id(await Order(w))}/assign", new { workerId = w.Worker }));
        var elsewhere = await Order(w, elder: await NewElder(region: Make.Panlong)); // same window, an elder of 盘龙镇
        var r = await app.Staff.PostJson($"/api/orders/{Id(elsewhere)}/assign", new { workerId = w.Worker });
        Assert.Contains("已有其他工单", await r.AssertFieldError("workerId"));
    }

    private static Task<JsonElement> Ok(HttpResponseMessage r) => r.Ok();

    private async Task<bool> HasServiceContact(Guid elder)
    {
        await using var scope = app.Scope(out var db);
        return await db.Elders.Where(e => e.Id == elder).WithServiceContact(new DateOnly(2026, 11, 29)).AnyAsync();
    }

    [Fact]
    public async Task The_catalogue_has_the_seven_GB_T_43153_categories_with_prices_in_fen()
    {
        var items = (await (await app.Staff.GetAsync("/api/service-items")).ReadJson()).EnumerateArray().ToList();
        Assert.Equal(7, items.Select(i => i.GetProperty("category").GetString()).Distinct().Count());
        var bathing = items.Single(i => i.GetProperty("code").GetString() == "bathing");
        Assert.Equal(6000, bathing.GetProperty("priceFen").GetInt64());
        Assert.Equal("bathing", bathing.GetProperty("requiredQualification").GetString());
        Assert.DoesNotContain(items, i => i.GetProperty("name").GetString()!.Contains("助餐", StringComparison.Ordinal)); // meals live elsewhere
    }

    [Fact]
    public async Task The_district_changes_a_price_from_a_date_as_a_new_version()
    {
        var id = await Item("laundry");
        var v2 = await Ok(await app.Staff.PutJson($"/api/service-items/{id}", new { priceFen = 3500, effectiveFrom = "2027-01-01" }));
        Assert.Equal(3500, v2.GetProperty("priceFen").GetInt64());
        var all = (await (await app.Staff.GetAsync("/api/service-items?all=true")).ReadJson()).EnumerateArray()
            .Where(i => i.GetProperty("code").GetString() == "laundry").ToList();
        Assert.Equal(2, all.Count);
        Assert.Equal("2026-12-31", all[0].GetProperty("effectiveTo").GetString());
        Assert.Equal(3000, (await (await app.Staff.GetAsync("/api/service-items")).ReadJson()).EnumerateArray()
            .Single(i => i.GetProperty("code").GetString() == "laundry").GetProperty("priceFen").GetInt64());
        await (await app.Staff.PutJson($"/api/service-items/{id}", new { priceFen = -1 })).AssertFieldError("priceFen");
        (await (await app.ClientAs(Role.TownOfficer, region: Make.Changyuan)).PutJson($"/api/service-items/{id}", new { priceFen = 1 })).StatusCode
            .Equals(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Bad_worker_and_order_input_is_400_naming_each_field()
    {
        var r = await app.Staff.PostJson("/api/workers", new { providerId = Guid.NewGuid(), name = "", phone = "123",
            qualifications = new[] { "magic" }, regionCodes = Array.Empty<string>() });
        var problem = await r.AssertProblem(HttpStatusCode.BadRequest);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["name", "phone", "providerId", "qualifications", "regionCodes"], fields.Order(StringComparer.Ordinal));

        var o = await (await app.Staff.PostJson("/api/orders", new { })).AssertProblem(HttpStatusCode.BadRequest);
        var orderFields = o.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("elderId", orderFields);
        Assert.Contains("serviceItemId", orderFields);
        Assert.Contains("windowStart", orderFields);
        Assert.Contains("windowEnd", orderFields);
        var w = await Arrange();
        await (await app.Staff.PostJson("/api/orders", new { elderId = w.Elder, serviceItemId = w.Bathing, windowStart = Now.AddHours(2),
            windowEnd = Now.AddHours(1) }))
            .AssertFieldError("windowEnd");
        await (await app.Staff.GetAsync("/api/orders?status=flying")).AssertFieldError("status");
        await (await app.Staff.GetAsync($"/api/orders/{Guid.NewGuid()}")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_subsidy_is_computed_at_once_from_the_group_and_the_remaining_monthly_allowance()
    {
        var w = await Arrange();
        var body = new { elderId = w.Elder, serviceItemId = w.Bathing, windowStart = Now.AddDays(2), windowEnd = Now.AddDays(2).AddHours(1) };
        var quote = await Ok(await app.Staff.PostJson("/api/orders/quote", body));
        Assert.Equal((6000L, 0L), (quote.GetProperty("subsidyFen").GetInt64(), quote.GetProperty("ownShareFen").GetInt64()));
        await Ok(await app.Staff.PostJson("/api/orders", body)); // 6,000 of 12,000 committed
        await Ok(await app.Staff.PostJson("/api/orders", body with { windowStart = Now.AddDays(2).AddHours(2),
            windowEnd = Now.AddDays(2).AddHours(3) }));
        var third = await Ok(await app.Staff.PostJson("/api/orders", body with { windowStart = Now.AddDays(2).AddHours(4),
            windowEnd = Now.AddDays(2).AddHours(5) }));
        Assert.Equal((0L, 6000L), (third.GetProperty("subsidyFen").GetInt64(), third.GetProperty("ownShareFen").GetInt64()));

        // Cancelling frees the allowance: the next order is subsidised again.
        await Ok(await app.Staff.PostJson($"/api/orders/{Id(third)}/cancel", new { reason = "家属取消" }));
        var first = (await (await app.Staff.GetAsync($"/api/orders?elderId={w.Elder}&status=requested")).ReadJson()).GetProperty("items")[0];
        await Ok(await app.Staff.PostJson($"/api/orders/{first.GetProperty("id").GetString()}/cancel", new { reason = "重复下单" }));
        var again = await Ok(await app.Staff.PostJson("/api/orders/quote", body));
        Assert.Equal(6000, again.GetProperty("subsidyFen").GetInt64());

        // Not in a subsidised group: the elder pays in full.
        // 66, 优抚 alone: no priority group (an 86-year-old is 高龄, ADR 0018)
        var other = await NewElder(categories: ["entitled"], living: "with-family", born: "19600101");
        var paid = await Ok(await app.Staff.PostJson("/api/orders/quote", body with { elderId = other }));
        Assert.Equal((0L, 6000L), (paid.GetProperty("subsidyFen").GetInt64(), paid.GetProperty("ownShareFen").GetInt64()));
    }

    [Fact]
    public async Task An_order_walks_from_request_to_a_verified_visit()
    {
        var w = await Arrange();
        var order = await Order(w);
        var id = Id(order);
        Assert.Equal("requested", order.GetProperty("status").GetString());

        // Every worker of this shared fixture stands at the same base, so ask for all of them, not the nearest ten.
        var suggestions = await Ok(await app.Staff.GetAsync($"/api/orders/{id}/suggestions?take=50"));
        var first = suggestions.GetProperty("suggestions").EnumerateArray().First(s => s.GetProperty("workerId").GetGuid() == w.Worker);
        Assert.InRange(first.GetProperty("distanceMeters").GetDouble(), 950, 1050);

        var assigned = await Ok(await app.Staff.PostJson($"/api/orders/{id}/assign", new { workerId = w.Worker }));
        Assert.Equal("assigned", assigned.GetProperty("status").GetString());

        // The caregiver sees it, checks in at the door 5 minutes after the start (punctual), and gets no code.
        var mine = (await (await w.Caregiver.GetAsync("/api/orders")).ReadJson()).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("id").GetString()).ToList();
        Assert.Equal([id], mine);
        var checkedIn = await Ok(await w.Caregiver.PostJson($"/api/orders/{id}/check-in",
            new { lat = HomeLat + 0.0001, lng = HomeLng, at = Now.AddMinutes(-85) }));
        Assert.Equal("in-progress", checkedIn.GetProperty("status").GetString());
        Assert.False(checkedIn.GetProperty("late").GetBoolean());
        Assert.DoesNotContain("\"code\"", checkedIn.GetRawText(), StringComparison.Ordinal);
        (await w.Caregiver.GetAsync($"/api/orders/{id}/confirmation-code")).StatusCode.Equals(HttpStatusCode.Forbidden);

        // The family is told the code (staff read it out); the elder gives it to the caregiver.
        var code = (await Ok(await app.Staff.GetAsync($"/api/orders/{id}/confirmation-code"))).GetProperty("code").GetString()!;
        await (await w.Caregiver.PostJson($"/api/orders/{id}/confirm", new { code = code == "000000" ? "000001" : "000000" }))
            .AssertFieldError("code");
        await Ok(await w.Caregiver.PostJson($"/api/orders/{id}/confirm", new { code }));
        await (await app.Staff.GetAsync($"/api/orders/{id}/confirmation-code")).AssertProblem(HttpStatusCode.NotFound); // used: erased

        var done = await Ok(await w.Caregiver.PostJson($"/api/orders/{id}/check-out",
            new { lat = HomeLat, lng = HomeLng + 0.0001, at = Now.AddMinutes(-25), notes = "协助洗浴，皮肤无异常" }));
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal("verified", done.GetProperty("verification").GetString());
        Assert.Empty(done.GetProperty("flags").EnumerateArray());
        var statuses = done.GetProperty("transitions").EnumerateArray().Select(t => t.GetProperty("status").GetString()).ToList();
        Assert.Equal(["requested", "assigned", "in-progress", "in-progress", "completed"], statuses);
        Assert.All(done.GetProperty("transitions").EnumerateArray(), t => Assert.False(string.IsNullOrEmpty(t.GetProperty("by").GetString())));

        await Ok(await app.Staff.PostJson($"/api/orders/{id}/rating", new { score = 5, comment = "很耐心" }));
        await (await app.Staff.PostJson($"/api/orders/{id}/rating", new { score = 6 })).AssertFieldError("score");
        Assert.True(await HasServiceContact(w.Elder)); // the "basic services" KPI's service half

        var report = await Ok(await app.Staff.GetAsync("/api/orders/report"));
        Assert.True(report.GetProperty("verified").GetInt32() >= 1);
        Assert.True(report.GetProperty("verifiedSubsidyFen").GetInt64() >= 6000);
    }

    [Fact]
    public async Task A_check_in_2_km_away_is_flagged_with_the_reason_and_does_not_count()
    {
        var w = await Arrange();
        var (id, done) = await VisitCheckedIn2KmAway(w);
        Assert.Equal("flagged", done.GetProperty("verification").GetString());
        var flag = Assert.Single(done.GetProperty("flags").EnumerateArray());
        Assert.Equal("check-in-outside-geofence", flag.GetProperty("code").GetString());
        Assert.Contains("2.0 公里", flag.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(done.GetProperty("late").GetBoolean()); // 10 minutes after the start

        Assert.False(await HasServiceContact(w.Elder)); // a flagged visit is no service contact

        var flagged = (await (await app.Staff.GetAsync("/api/orders?verification=flagged")).ReadJson()).GetProperty("items").EnumerateArray();
        Assert.Contains(flagged, o => o.GetProperty("id").GetString() == id);
    }

    /// <summary>A visit checked in 2 km from the home 10 minutes after the start, confirmed with the code, checked out at home.</summary>
    private Task<(string Id, JsonElement Done)> VisitCheckedIn2KmAway(World w, Guid? elder = null, int startMinutesAgo = 90) =>
        Visit(w, elder, startMinutesAgo, checkInLat: HomeLat + 0.018);

    /// <summary>A visit checked in at <paramref name="checkInLat"/> (by default 10 minutes after the start, for an hour), confirmed,
    /// checked out at home (with <paramref name="durationReason"/> when it is short).</summary>
    private async Task<(string Id, JsonElement Done)> Visit(World w, Guid? elder, int startMinutesAgo, double checkInLat = HomeLat,
        int? inMinutesAgo = null, int? outMinutesAgo = null, string? durationReason = null)
    {
        var id = Id(await Order(w, elder, startMinutesAgo));
        await Ok(await app.Staff.PostJson($"/api/orders/{id}/assign", new { workerId = w.Worker }));
        await Ok(await w.Caregiver.PostJson($"/api/orders/{id}/check-in",
            new { lat = checkInLat, lng = HomeLng, at = Now.AddMinutes(-(inMinutesAgo ?? startMinutesAgo - 10)) }));
        var code = (await Ok(await app.Staff.GetAsync($"/api/orders/{id}/confirmation-code"))).GetProperty("code").GetString()!;
        await Ok(await w.Caregiver.PostJson($"/api/orders/{id}/confirm", new { code }));
        return (id, await Ok(await w.Caregiver.PostJson($"/api/orders/{id}/check-out",
            new { lat = HomeLat, lng = HomeLng, at = Now.AddMinutes(-(outMinutesAgo ?? startMinutesAgo - 70)), durationReason })));
    }

    [Fact]
    public async Task The_elders_last_verified_visit_is_the_latest_verified_window_whichever_is_verified_last()
    {
        // 基本养老服务 KPI: "a service contact in the last quarter" reads the elder's last verified visit (ADR 32).
        var w = await Arrange();
        var elder = await NewElder();
        Assert.Null(await LastVerifiedVisit(elder));
        var (_, later) = await Visit(w, elder, startMinutesAgo: 85);
        Assert.Equal("verified", later.GetProperty("verification").GetString());
        Assert.Equal(Now.AddMinutes(-85).UtcDateTime, await LastVerifiedVisit(elder));

        // An earlier window, visited before it (2 km away, short), flagged and then accepted on review, does not move it back.
        var (earlier, flagged) = await Visit(w, elder, startMinutesAgo: 90, checkInLat: HomeLat + 0.018, inMinutesAgo: 88, outMinutesAgo: 76,
            durationReason: "老人临时外出，提前结束");
        Assert.Equal("flagged", flagged.GetProperty("verification").GetString());
        var officer = await app.ClientAs(Role.TownOfficer, region: Make.Changyuan);
        await Ok(await officer.PostJson($"/api/orders/{earlier}/review", new { outcome = "accepted", reason = "老人电话确认已上门" }));
        Assert.Equal(Now.AddMinutes(-85).UtcDateTime, await LastVerifiedVisit(elder));
    }

    private async Task<DateTime?> LastVerifiedVisit(Guid elder)
    {
        await using var scope = app.Scope(out var db);
        return await db.Elders.Where(e => e.Id == elder).Select(e => e.LastVerifiedVisitAt).SingleAsync();
    }

    private async Task<string> FlaggedVisit(World w, Guid? elder = null)
    {
        var (id, done) = await VisitCheckedIn2KmAway(w, elder);
        Assert.Equal("flagged", done.GetProperty("verification").GetString());
        return id;
    }

    [Fact]
    public async Task An_officer_accepts_a_flagged_visit_with_a_reason_and_it_counts_with_its_flags_and_reviewer_still_shown()
    {
        var w = await Arrange();
        var elder = await NewElder();
        var id = await FlaggedVisit(w, elder);
        Assert.False(await HasServiceContact(elder));

        var op = await app.ClientAs(Role.Operator, facilities: [w.Facility]);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.PostJson($"/api/orders/{id}/review",
            new { outcome = "accepted", reason = "老人确认已上门服务" })).StatusCode);
        var panlong = await app.ClientAs(Role.TownOfficer, region: Make.Panlong);
        await (await panlong.PostJson($"/api/orders/{id}/review", new { outcome = "accepted", reason = "老人确认已上门服务" }))
            .AssertProblem(HttpStatusCode.NotFound);
        var officer = await app.ClientAs(Role.TownOfficer, region: Make.Changyuan);
        await (await officer.PostJson($"/api/orders/{id}/review", new { outcome = "accepted", reason = "" })).AssertFieldError("reason");
        await (await officer.PostJson($"/api/orders/{id}/review", new { reason = "无结论" })).AssertFieldError("outcome");

        var reviewed = await Ok(await officer.PostJson($"/api/orders/{id}/review", new { outcome = "accepted", reason = "手机定位漂移，老人电话确认已上门" }));
        Assert.Equal("verified", reviewed.GetProperty("verification").GetString());
        Assert.Equal("check-in-outside-geofence", Assert.Single(reviewed.GetProperty("flags").EnumerateArray()).GetProperty("code").GetString());
        var review = reviewed.GetProperty("review");
        Assert.Equal("accepted", review.GetProperty("outcome").GetString());
        Assert.Equal("手机定位漂移，老人电话确认已上门", review.GetProperty("reason").GetString());
        Assert.False(string.IsNullOrEmpty(review.GetProperty("by").GetString()));
        Assert.Equal(Now.UtcDateTime, review.GetProperty("at").GetDateTime().ToUniversalTime(), TimeSpan.FromSeconds(1));
        Assert.True(await HasServiceContact(elder)); // now it counts

        await (await officer.PostJson($"/api/orders/{id}/review", new { outcome = "rejected" })).AssertProblem(HttpStatusCode.Conflict);
        var page = await (await app.Staff.GetAsync($"/orders/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("经复核认可", page, StringComparison.Ordinal);
        Assert.Contains("手机定位漂移", page, StringComparison.Ordinal);
        Assert.Contains("存疑原因", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_review_keeps_the_visit_flagged_and_only_flagged_completed_visits_can_be_reviewed()
    {
        var w = await Arrange();
        var id = await FlaggedVisit(w);
        Assert.Contains("提交复核", await (await app.Staff.GetAsync($"/orders/{id}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var rejected = await Ok(await app.Staff.PostJson($"/api/orders/{id}/review", new { outcome = "rejected" }));
        Assert.Equal("flagged", rejected.GetProperty("verification").GetString());
        Assert.Equal("rejected", rejected.GetProperty("review").GetProperty("outcome").GetString());
        var page = await (await app.Staff.GetAsync($"/orders/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("经复核不认可", page, StringComparison.Ordinal);
        Assert.DoesNotContain("提交复核", page, StringComparison.Ordinal);

        var open = Id(await Order(w));
        await (await app.Staff.PostJson($"/api/orders/{open}/review", new { outcome = "accepted", reason = "尚未服务也认可" }))
            .AssertProblem(HttpStatusCode.Conflict);
        await (await app.Staff.PostJson($"/api/orders/{Guid.NewGuid()}/review", new { outcome = "rejected" })).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Check_out_far_off_the_standard_duration_needs_a_reason_and_transitions_follow_the_lifecycle()
    {
        var w = await Arrange();
        var id = Id(await Order(w));
        // not theirs yet
        await (await w.Caregiver.PostJson($"/api/orders/{id}/check-in", new { lat = HomeLat, lng = HomeLng })).AssertProblem(HttpStatusCode.NotFound);
        await Ok(await app.Staff.PostJson($"/api/orders/{id}/assign", new { workerId = w.Worker }));
        await (await w.Caregiver.PostJson($"/api/orders/{id}/check-out", new { lat = HomeLat, lng = HomeLng }))
            .AssertProblem(HttpStatusCode.Conflict);
        await (await w.Caregiver.PostJson($"/api/orders/{id}/check-in", new { lat = 91, lng = HomeLng })).AssertFieldError("lat");
        await (await w.Caregiver.PostJson($"/api/orders/{id}/check-in", new { lat = HomeLat, lng = HomeLng, at = Now.AddHours(1) }))
            .AssertFieldError("at");
        await Ok(await w.Caregiver.PostJson($"/api/orders/{id}/check-in", new { lat = HomeLat, lng = HomeLng, at = Now.AddMinutes(-30) }));
        await (await w.Caregiver.PostJson($"/api/orders/{id}/check-out", new { lat = HomeLat, lng = HomeLng, at = Now.AddMinutes(-20) }))
            .AssertFieldError("durationReason");
        // Closing needs the elder's code or signature (VisitProofRules): here the elder signs on the phone.
        await (await w.Caregiver.PostJson($"/api/orders/{id}/check-out",
            new { lat = HomeLat, lng = HomeLng, at = Now.AddMinutes(-20), durationReason = "老人临时外出就医，提前结束" })).AssertFieldError("signature");
        var done = await Ok(await w.Caregiver.PostJson($"/api/orders/{id}/check-out", new
        {
            lat = HomeLat, lng = HomeLng, at = Now.AddMinutes(-20), durationReason = "老人临时外出就医，提前结束", signature = VisitProofApiTests.Signature,
        }));
        var codes = done.GetProperty("flags").EnumerateArray().Select(f => f.GetProperty("code").GetString()).ToList();
        Assert.Equal(["duration-off-plan"], codes);
        await (await app.Staff.PostJson($"/api/orders/{id}/cancel", new { reason = "x" })).AssertProblem(HttpStatusCode.Conflict);
        await (await app.Staff.PostJson($"/api/orders/{id}/cancel", new { })).AssertFieldError("reason");
    }

    [Fact]
    public async Task An_unqualified_or_double_booked_worker_cannot_be_assigned()
    {
        var w = await Arrange();
        var (expired, _) = await NewWorker(w.Provider, certificateExpires: "2026-01-31");
        var id = Id(await Order(w));
        var suggestions = await Ok(await app.Staff.GetAsync($"/api/orders/{id}/suggestions"));
        Assert.Contains(suggestions.GetProperty("excluded").EnumerateArray(), x => x.GetProperty("workerId").GetGuid() == expired);
        Assert.Contains("证书", await (await app.Staff.PostJson($"/api/orders/{id}/assign", new { workerId = expired })).AssertFieldError("workerId"),
            StringComparison.Ordinal);
        await Ok(await app.Staff.PostJson($"/api/orders/{id}/assign", new { workerId = w.Worker }));
        var second = Id(await Order(w, await NewElder()));
        await (await app.Staff.PostJson($"/api/orders/{second}/assign", new { workerId = w.Worker })).AssertFieldError("workerId");
    }

    [Fact]
    public async Task A_caregiver_sees_only_own_orders_an_operator_its_providers_and_a_town_officer_its_unit()
    {
        var w = await Arrange();
        var id = Id(await Order(w));
        await Ok(await app.Staff.PostJson($"/api/orders/{id}/assign", new { workerId = w.Worker }));
        var (_, otherCaregiver) = await NewWorker(w.Provider);
        await (await otherCaregiver.GetAsync($"/api/orders/{id}")).AssertProblem(HttpStatusCode.NotFound);
        Assert.DoesNotContain(id, await (await otherCaregiver.GetAsync("/api/orders")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await (await otherCaregiver.PostJson($"/api/orders/{id}/check-in", new { lat = HomeLat, lng = HomeLng }))
            .AssertProblem(HttpStatusCode.NotFound);

        var ownOperator = await app.ClientAs(Role.Operator, facilities: [w.Facility]);
        await Ok(await ownOperator.GetAsync($"/api/orders/{id}"));
        var otherFacility = await Facility("峰高街道养老服务中心（测试）");
        var otherOperator = await app.ClientAs(Role.Operator, facilities: [otherFacility]);
        await (await otherOperator.GetAsync($"/api/orders/{id}")).AssertProblem(HttpStatusCode.NotFound);
        Assert.Equal(0, (await (await otherOperator.GetAsync("/api/orders")).ReadJson()).GetProperty("total").GetInt32());

        await Ok(await (await app.ClientAs(Role.TownOfficer, region: Make.Changyuan)).GetAsync($"/api/orders/{id}"));
        var panlong = await app.ClientAs(Role.TownOfficer, region: Make.Panlong);
        await (await panlong.GetAsync($"/api/orders/{id}")).AssertProblem(HttpStatusCode.NotFound);
        await (await panlong.PostJson("/api/orders", new { elderId = w.Elder, serviceItemId = w.Bathing, windowStart = Now.AddDays(1),
            windowEnd = Now.AddDays(1).AddHours(1) }))
            .AssertFieldError("elderId");
    }

    [Fact]
    public async Task Five_wrong_codes_lock_the_confirmation_and_a_caregiver_sees_only_their_own_worker_record()
    {
        var w = await Arrange();
        var id = Id(await Order(w));
        await Ok(await app.Staff.PostJson($"/api/orders/{id}/assign", new { workerId = w.Worker }));
        await Ok(await w.Caregiver.PostJson($"/api/orders/{id}/check-in", new { lat = HomeLat, lng = HomeLng, at = Now.AddMinutes(-80) }));
        var code = (await Ok(await app.Staff.GetAsync($"/api/orders/{id}/confirmation-code"))).GetProperty("code").GetString()!;
        var wrong = code == "123456" ? "654321" : "123456";
        for (var i = 0; i < 5; i++) await (await w.Caregiver.PostJson($"/api/orders/{id}/confirm", new { code = wrong })).AssertFieldError("code");
        await (await w.Caregiver.PostJson($"/api/orders/{id}/confirm", new { code })).AssertProblem(HttpStatusCode.Conflict);

        var workers = (await Ok(await w.Caregiver.GetAsync("/api/workers"))).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(w.Worker, Assert.Single(workers).GetProperty("id").GetGuid());
        Assert.Equal("139****2222", workers[0].GetProperty("phone").GetString());
    }

    [Fact]
    public async Task Complaints_get_deadlines_by_severity_and_overdue_ones_are_listed_as_escalated()
    {
        var w = await Arrange();
        var id = Id(await Order(w));
        var c = await Ok(await app.Staff.PostJson($"/api/orders/{id}/complaints", new { severity = "serious", text = "服务人员迟到且态度差" }));
        Assert.Equal(Now.UtcDateTime.AddDays(3), c.GetProperty("dueAt").GetDateTime().ToUniversalTime(), TimeSpan.FromSeconds(1));
        await (await app.Staff.PostJson($"/api/orders/{id}/complaints", new { text = "" })).AssertFieldError("severity");
        Assert.DoesNotContain(Id(c), await (await app.Staff.GetAsync("/api/complaints?overdue=true")).Content.ReadAsStringAsync(),
            StringComparison.Ordinal);

        await using (var scope = app.Scope(out var db))
            await db.Complaints.Where(x => x.Id == c.GetProperty("id").GetGuid())
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.DueAt, Now.UtcDateTime.AddHours(-1)));
        var overdue = (await (await app.Staff.GetAsync("/api/complaints?overdue=true")).ReadJson())
            .GetProperty("items").EnumerateArray().Single(x => Id(x) == Id(c));
        Assert.True(overdue.GetProperty("overdue").GetBoolean());
        await Ok(await app.Staff.PostJson($"/api/complaints/{Id(c)}/resolve", new { resolution = "已约谈机构并调换服务人员" }));
        Assert.DoesNotContain(Id(c), await (await app.Staff.GetAsync("/api/complaints?overdue=true")).Content.ReadAsStringAsync(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_follow_up_call_is_recorded_on_a_drawn_order()
    {
        var w = await Arrange();
        var id = Guid.Parse(Id(await Order(w)));
        await using (var scope = app.Scope(out var db))
        {
            db.FollowUps.Add(new ElderCare.Web.Features.Services.FollowUp { OrderId = id, QueuedAt = Now.UtcDateTime });
            await db.SaveChangesAsync();
        }
        var pending = (await (await app.Staff.GetAsync("/api/follow-ups?pending=true")).ReadJson()).GetProperty("items").EnumerateArray()
            .Single(f => f.GetProperty("orderId").GetGuid() == id);
        await (await app.Staff.PostJson($"/api/follow-ups/{Id(pending)}", new { })).AssertFieldError("reached");
        var done = await Ok(await app.Staff.PostJson($"/api/follow-ups/{Id(pending)}",
            new { reached = true, serviceHappened = true, satisfied = true, notes = "老人表示满意" }));
        Assert.NotNull(done.GetProperty("calledAt").GetString());
    }

    [Fact]
    public async Task A_family_care_bed_plan_generates_the_months_visits_and_counts_per_centre()
    {
        var w = await Arrange();
        var visit = await Item("home-visit");
        var bed = await Ok(await app.Staff.PostJson("/api/family-beds", new
        {
            elderId = w.Elder, facilityId = w.Facility, adaptations = new[] { "grab-bars", "anti-slip", "emergency-call" },
            devices = new[] { "一键呼叫器" },
            serviceItemId = visit, visitsPerMonth = 4,
        }));
        await (await app.Staff.PostJson("/api/family-beds", new { elderId = w.Elder, adaptations = new[] { "wings" } }))
            .AssertFieldError("adaptations");
        var kept = await Ok(await app.Staff.PostJson($"/api/family-beds/{Id(bed)}/schedule?month=2026-12", new { }));
        Assert.Equal((4, 4, 0, false), (kept.GetProperty("planned").GetInt32(), kept.GetProperty("scheduled").GetInt32(),
            kept.GetProperty("verified").GetInt32(),
            kept.GetProperty("kept").GetBoolean()));
        await (await app.Staff.PostJson($"/api/family-beds/{Id(bed)}/schedule?month=2026-12", new { })).AssertProblem(HttpStatusCode.Conflict);
        var orders = (await (await app.Staff.GetAsync($"/api/orders?elderId={w.Elder}&from=2026-12-01&to=2026-12-31")).ReadJson())
            .GetProperty("total").GetInt32();
        Assert.Equal(4, orders);
        var centre = (await (await app.Staff.GetAsync("/api/family-beds/statistics")).ReadJson()).EnumerateArray()
            .Single(c => c.GetProperty("facilityId").GetGuid() == w.Facility);
        Assert.True(centre.GetProperty("beds").GetInt32() >= 1);
        Assert.Contains("家庭养老床位（在约", await app.Staff.GetStringAsync("/"), StringComparison.Ordinal); // the dashboard's row per centre
    }

    [Fact]
    public async Task The_basic_services_KPI_is_reported_next_to_the_assessment_KPI()
    {
        var kpis = (await (await app.Staff.GetAsync("/api/kpis")).ReadJson()).EnumerateArray().Select(k => k.GetProperty("key").GetString()).ToList();
        Assert.Contains("priority-elders-assessed", kpis);
        Assert.Contains("priority-elders-served", kpis);
    }

    // ADR 0023: placeholder prices and allowances carry 待确认 until the district confirms them.

    [Fact]
    public async Task Seeded_items_are_unconfirmed_placeholders_in_the_API_the_page_and_the_quote()
    {
        var items = (await (await app.Staff.GetAsync("/api/service-items")).ReadJson()).EnumerateArray().ToList();
        var walking = items.Single(i => i.GetProperty("code").GetString() == "walking");
        Assert.False(walking.GetProperty("confirmed").GetBoolean());
        Assert.Equal("占位数值，政策未规定", walking.GetProperty("source").GetString());
        var page = await (await app.Staff.GetAsync("/service-items")).Content.ReadAsStringAsync();
        Assert.Contains("badge--amber\" title=\"占位数值，政策未规定\">待确认", page);

        var w = await Arrange();
        var quote = await Ok(await app.Staff.PostJson("/api/orders/quote",
            new { elderId = w.Elder, serviceItemId = w.Bathing, windowStart = Now.AddDays(3), windowEnd = Now.AddDays(3).AddHours(1) }));
        Assert.False(quote.GetProperty("confirmed").GetBoolean());
        Assert.Equal("占位数值，政策未规定", quote.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Only_the_district_confirms_an_item_and_the_confirmation_is_audited()
    {
        var id = await Item("companionship");
        var path = $"/api/service-items/{id}/confirm";
        var officer = await app.ClientAs(Role.TownOfficer, Make.Changyuan);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostJson(path, new { source = "镇街核定" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAs(Role.Evaluator)).PostJson(path, new { source = "评估机构" })).StatusCode);
        await (await app.Staff.PostJson(path, new { source = "" })).AssertFieldError("source");
        await (await app.Staff.PostJson($"/api/service-items/{Guid.NewGuid()}/confirm", new { source = "x" })).AssertProblem(HttpStatusCode.NotFound);

        var confirmed = await Ok(await app.Staff.PostJson(path, new { source = "荣民政发〔2026〕2号" }));
        Assert.True(confirmed.GetProperty("confirmed").GetBoolean());
        Assert.Equal("荣民政发〔2026〕2号", confirmed.GetProperty("source").GetString());
        await (await app.Staff.PostJson(path, new { source = "again" })).AssertProblem(HttpStatusCode.Conflict);
        var listed = (await (await app.Staff.GetAsync("/api/service-items")).ReadJson()).EnumerateArray()
            .Single(i => i.GetProperty("code").GetString() == "companionship");
        Assert.True(listed.GetProperty("confirmed").GetBoolean());

        var audit = await (await (await app.ClientAs(Role.Auditor)).GetAsync("/api/audit?action=data.write")).Content.ReadAsStringAsync();
        Assert.Contains($"POST {path}", audit);
    }

    [Fact]
    public async Task A_new_figure_entered_by_the_district_is_confirmed_a_name_edit_leaves_a_placeholder_unconfirmed()
    {
        var laundry = await Item("laundry");
        var renamed = await Ok(await app.Staff.PutJson($"/api/service-items/{laundry}", new { name = "助洁（衣物洗涤、晾晒）" }));
        Assert.False(renamed.GetProperty("confirmed").GetBoolean());

        var phone = await Item("phone-call");
        var priced = await Ok(await app.Staff.PutJson($"/api/service-items/{phone}", new { priceFen = 500, effectiveFrom = "2027-01-01" }));
        Assert.True(priced.GetProperty("confirmed").GetBoolean());
        Assert.StartsWith("区民政局录入", priced.GetProperty("source").GetString());
        var history = (await (await app.Staff.GetAsync("/api/service-items?all=true")).ReadJson()).EnumerateArray()
            .Where(i => i.GetProperty("code").GetString() == "phone-call").ToList();
        Assert.False(history.Single(i => i.GetProperty("effectiveFrom").GetString() == "2026-01-01").GetProperty("confirmed").GetBoolean());
    }
}
