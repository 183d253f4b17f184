using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;

namespace ElderCare.Tests.Services;

/// <summary>
/// Phones in the field through the API: a typed position needs a reason and flags the visit, the item's checklist is
/// ticked (an unticked step flags it), photos are evidence, and closing needs the elder's signature or code.
/// </summary>
public class VisitProofApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const double HomeLat = Make.HomeLat, HomeLng = Make.HomeLng;

    /// <summary>A 1×1 PNG, as the signature pad sends it (a data: URL).</summary>
    public const string Signature =
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

    private sealed record World(Guid Worker, HttpClient Caregiver, Guid Elder, Guid Item);

    private DateTimeOffset Now => app.Clock.GetUtcNow();

    private async Task<World> Arrange(string itemCode = "bathing")
    {
        var facility = await app.Staff.NewFacility(Make.Facility(name: $"手机上门测试中心{Make.Serial()}"));
        var provider = await app.Staff.ProviderOf(facility);
        var n = Make.Serial();
        var user = await app.User(Role.Caregiver, name: $"fieldcaregiver{n}");
        var worker = await (await app.Staff.PostJson("/api/workers",
            Make.Caregiver(provider, $"李护理{n}", user.UserName, "2027-12-31", baseLat: HomeLat + 0.009))).Created();
        var elder = await app.Staff.NewElder(Make.Elder(name: "吴秀兰", categories: ["extreme-poverty"], lat: HomeLat, lng: HomeLng,
            address: "荣昌区昌元街道海棠路 9 号"));
        return new World(worker.Id(), await app.ClientOf(user.UserName!), elder, await app.Staff.ServiceItem(itemCode));
    }

    /// <summary>An order whose window started 60 minutes ago, assigned to the world's worker; returns its id.</summary>
    private async Task<string> Assigned(World w)
    {
        var order = await (await app.Staff.PostJson("/api/orders", new
        {
            elderId = w.Elder, serviceItemId = w.Item, windowStart = Now.AddMinutes(-60), windowEnd = Now.AddMinutes(60),
        })).Created();
        var id = order.GetProperty("id").GetString()!;
        await (await app.Staff.PostJson($"/api/orders/{id}/assign", new { workerId = w.Worker })).Ok();
        return id;
    }

    private async Task CheckIn(World w, string id) =>
        await (await w.Caregiver.PostJson($"/api/orders/{id}/check-in", new { lat = HomeLat, lng = HomeLng, accuracy = 8, at = Now.AddMinutes(-30) }))
            .Ok();

    private static List<string> Codes(JsonElement order) =>
        order.GetProperty("flags").EnumerateArray().Select(f => f.GetProperty("code").GetString()!).ToList();

    [Fact]
    public async Task A_typed_position_needs_a_reason_and_flags_the_visit_with_it_and_the_proof_shows_the_phones_accuracy()
    {
        var w = await Arrange();
        var id = await Assigned(w);
        await (await w.Caregiver.PostJson($"/api/orders/{id}/check-in", new { lat = HomeLat, lng = HomeLng, typedPosition = true }))
            .AssertFieldError("positionReason");
        await (await w.Caregiver.PostJson($"/api/orders/{id}/check-in", new { lat = HomeLat, lng = HomeLng, accuracy = -1 }))
            .AssertFieldError("accuracy");
        await (await w.Caregiver.PostJson($"/api/orders/{id}/check-in",
            new { lat = HomeLat, lng = HomeLng, typedPosition = true, positionReason = "地下室手机无法定位", at = Now.AddMinutes(-30) })).Ok();
        var done = await (await w.Caregiver.PostJson($"/api/orders/{id}/check-out",
            new { lat = HomeLat, lng = HomeLng, accuracy = 12.5, durationReason = "老人休息提前结束", signature = Signature }))
            .Ok();
        Assert.Equal("flagged", done.GetProperty("verification").GetString());
        Assert.Contains("position-typed", Codes(done));
        Assert.DoesNotContain("not-confirmed", Codes(done)); // the signature confirmed it
        var flag = done.GetProperty("flags").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "position-typed");
        Assert.Contains("签到位置为手工填写（原因：地下室手机无法定位）", flag.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var proof = await (await app.Staff.GetAsync($"/api/orders/{id}/visit-proof")).Ok();
        Assert.Equal("typed", proof.GetProperty("checkInSource").GetString());
        Assert.Equal("地下室手机无法定位", proof.GetProperty("checkInReason").GetString());
        Assert.Equal("phone", proof.GetProperty("checkOutSource").GetString());
        Assert.Equal(12.5, proof.GetProperty("checkOutAccuracy").GetDouble());
        var signature = Assert.Single(proof.GetProperty("attachments").EnumerateArray());
        Assert.Equal("signature", signature.GetProperty("kind").GetString());
        Assert.Equal("image/png", signature.GetProperty("contentType").GetString());
        Assert.Equal(signature.GetProperty("id").GetGuid(), proof.GetProperty("signatureId").GetGuid());
        // The officer's order page names the reason among the flags.
        Assert.Contains("地下室手机无法定位", await (await app.Staff.GetAsync($"/orders/{id}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closing_needs_the_signature_or_the_code_and_a_bad_signature_is_refused()
    {
        var w = await Arrange();
        var id = await Assigned(w);
        await CheckIn(w, id);
        var body = new { lat = HomeLat, lng = HomeLng, durationReason = "老人休息提前结束" };
        Assert.Contains("签名", await (await w.Caregiver.PostJson($"/api/orders/{id}/check-out", body)).AssertFieldError("signature"),
            StringComparison.Ordinal);
        await (await w.Caregiver.PostJson($"/api/orders/{id}/check-out",
            new { lat = HomeLat, lng = HomeLng, durationReason = "老人休息提前结束", signature = "不是图片" })).AssertFieldError("signature");
        await (await w.Caregiver.PostJson($"/api/orders/{id}/check-out", new
        {
            lat = HomeLat, lng = HomeLng, durationReason = "老人休息提前结束", signature = Convert.ToBase64String("GIF89a"u8),
        })).AssertFieldError("signature");

        // With the elder's code, no signature is needed.
        var code = (await (await app.Staff.GetAsync($"/api/orders/{id}/confirmation-code")).Ok()).GetProperty("code").GetString()!;
        await (await w.Caregiver.PostJson($"/api/orders/{id}/confirm", new { code })).Ok();
        var done = await (await w.Caregiver.PostJson($"/api/orders/{id}/check-out", body)).Ok();
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.DoesNotContain("not-confirmed", Codes(done));
    }

    [Fact]
    public async Task The_items_checklist_is_edited_by_the_district_ticked_by_the_caregiver_and_an_unticked_step_flags_the_visit()
    {
        var w = await Arrange("bathing");
        await (await w.Caregiver.PutJson($"/api/service-items/{w.Item}/checklist", new { steps = new[] { "调节水温" } }))
            .AssertProblem(HttpStatusCode.Forbidden);
        await (await app.Staff.PutJson($"/api/service-items/{Guid.NewGuid()}/checklist", new { steps = new[] { "调节水温" } }))
            .AssertProblem(HttpStatusCode.NotFound);
        await (await app.Staff.PutJson($"/api/service-items/{w.Item}/checklist", new { steps = new[] { new string('长', 101) } }))
            .AssertFieldError("steps[0]");
        var saved = await (await app.Staff.PutJson($"/api/service-items/{w.Item}/checklist",
            new { steps = new[] { "调节水温", "协助洗浴", "", "擦干更衣" } })).Ok();
        Assert.Equal(["调节水温", "协助洗浴", "擦干更衣"], saved.GetProperty("steps").EnumerateArray().Select(s => s.GetString()));
        var read = await (await w.Caregiver.GetAsync($"/api/service-items/{w.Item}/checklist")).Ok();
        Assert.Equal(3, read.GetProperty("steps").GetArrayLength());

        var id = await Assigned(w);
        await CheckIn(w, id);
        await (await w.Caregiver.PostJson($"/api/orders/{id}/check-out", new
        {
            lat = HomeLat, lng = HomeLng, durationReason = "老人休息提前结束", signature = Signature,
            checklist = new[] { "理发" },
        })).AssertFieldError("checklist");
        var done = await (await w.Caregiver.PostJson($"/api/orders/{id}/check-out", new
        {
            lat = HomeLat, lng = HomeLng, durationReason = "老人休息提前结束", signature = Signature,
            checklist = new[] { "擦干更衣", "调节水温" },
        })).Ok();
        var flag = done.GetProperty("flags").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "checklist-incomplete");
        Assert.Contains("未勾选：协助洗浴", flag.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var proof = await (await app.Staff.GetAsync($"/api/orders/{id}/visit-proof")).Ok();
        Assert.Equal(["调节水温", "擦干更衣"], proof.GetProperty("checklistTicked").EnumerateArray().Select(s => s.GetString()));
        await (await app.Staff.PutJson($"/api/service-items/{w.Item}/checklist", new { steps = Array.Empty<string>() })).Ok(); // removed again
    }

    [Fact]
    public async Task A_photo_is_stored_as_evidence_of_the_caregivers_own_visit_only_and_only_an_image()
    {
        var w = await Arrange();
        var id = await Assigned(w);
        static MultipartFormDataContent Photo(byte[] bytes)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            return new MultipartFormDataContent { { content, "file", "照片.png" } };
        }
        var png = Convert.FromBase64String(Signature["data:image/png;base64,".Length..]);
        await (await w.Caregiver.PostAsync($"/api/orders/{id}/photos", Photo(png))).AssertProblem(HttpStatusCode.Conflict); // not checked in
        await CheckIn(w, id);
        await (await w.Caregiver.PostAsync($"/api/orders/{id}/photos", Photo("%PDF-1.4 not an image"u8.ToArray()))).AssertFieldError("photo");
        var stored = await (await w.Caregiver.PostAsync($"/api/orders/{id}/photos", Photo(png))).Created();
        Assert.Equal("photo", stored.GetProperty("kind").GetString());

        var other = await Arrange();
        await (await other.Caregiver.PostAsync($"/api/orders/{id}/photos", Photo(png))).AssertProblem(HttpStatusCode.NotFound);
        await (await (await app.ClientAs(Role.Evaluator)).PostAsync($"/api/orders/{id}/photos", Photo(png))).AssertProblem(HttpStatusCode.Forbidden);
        var proof = await (await app.Staff.GetAsync($"/api/orders/{id}/visit-proof")).Ok();
        Assert.Single(proof.GetProperty("attachments").EnumerateArray());
        await (await other.Caregiver.GetAsync($"/api/orders/{id}/visit-proof")).AssertProblem(HttpStatusCode.NotFound);
    }
}
