using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Evidence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ElderCare.Tests.Evidence.EvidenceSamples;

namespace ElderCare.Tests.Evidence;

/// <summary>
/// Evidence files over HTTP: stored by content (type sniffed, SHA-256, size bound), scoped by their facility, downloaded
/// only as an audited attachment that a browser will not render as a page.
/// </summary>
[Collection(nameof(SharedApp))]
public class EvidenceApiTests(AppFactory app)
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static Task<HttpResponseMessage> Upload(HttpClient client, Guid? facility, byte[] bytes, string fileName,
        string claimedType = "application/octet-stream")
    {
        var form = new MultipartFormDataContent();
        if (facility is { } f) form.Add(new StringContent(f.ToString()), "facilityId");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(claimedType);
        form.Add(file, "file", fileName);
        return client.PostAsync("/api/evidence", form);
    }

    private Task<Guid> Facility(string region = Make.Changyuan) => app.Staff.NewFacility(Make.CentreIn(region, "证明材料测试中心"));

    private async Task<int> RowsOf(Guid facility)
    {
        await using var scope = app.Scope(out var db);
        return await db.EvidenceFiles.CountAsync(e => e.FacilityId == facility);
    }

    private async Task<bool> Stored(byte[] bytes)
    {
        var store = app.Services.GetRequiredService<IEvidenceStore>();
        return await store.ExistsAsync(EvidenceKeys.For(Convert.ToHexStringLower(SHA256.HashData(bytes))), default);
    }

    [Theory]
    [InlineData("png", "image/png")]
    [InlineData("pdf", "application/pdf")]
    [InlineData("xlsx", Xlsx)]
    public async Task An_upload_is_201_and_downloads_byte_identical_as_a_sandboxed_attachment_of_the_sniffed_type(string kind, string type)
    {
        var facility = await Facility();
        // Unique bytes per run: the same bytes for the same facility would be one record.
        byte[] bytes = kind switch { "png" => [.. Png, .. Guid.NewGuid().ToByteArray()], "pdf" => [.. Pdf, .. Guid.NewGuid().ToByteArray()],
            _ => EvidenceSamples.Xlsx };
        var r = await Upload(app.Staff, facility, bytes, $"现场照片.{kind}", claimedType: "text/html");
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var created = await r.ReadJson();
        var id = created.Id();
        Assert.Equal($"/api/evidence/{id}", r.Headers.Location?.OriginalString);
        Assert.Equal(type, created.GetProperty("contentType").GetString()); // sniffed, not the claimed text/html
        Assert.Equal(bytes.Length, created.GetProperty("length").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), created.GetProperty("sha256").GetString());
        Assert.Equal($"现场照片.{kind}", created.GetProperty("fileName").GetString());

        var meta = await (await app.Staff.GetAsync($"/api/evidence/{id}")).Ok();
        Assert.Equal(facility, meta.GetProperty("facilityId").GetGuid());

        var download = await app.Staff.GetAsync($"/api/evidence/{id}/content");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(type, download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"现场照片.{kind}", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", string.Join(",", download.Headers.GetValues("X-Content-Type-Options")));
        var policy = string.Join(",", download.Headers.GetValues("Content-Security-Policy"));
        Assert.StartsWith("sandbox", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("html")]
    [InlineData("svg")]
    [InlineData("exe")]
    [InlineData("zip")]
    public async Task A_file_that_is_not_a_photo_PDF_or_Office_file_is_refused_whatever_its_name(string kind)
    {
        var facility = await Facility();
        var bytes = kind switch { "html" => Html, "svg" => Svg, "exe" => WindowsExe, _ => Zip("photo.jpg") };
        var r = await Upload(app.Staff, facility, bytes, "photo.jpg", claimedType: "image/jpeg");
        var problem = await r.AssertProblem(HttpStatusCode.UnsupportedMediaType);
        var message = problem.GetProperty("errors").GetProperty("file")[0].GetString()!;
        Assert.StartsWith("不支持的文件类型", message, StringComparison.Ordinal);
        Assert.Equal(0, await RowsOf(facility));
        Assert.False(await Stored(bytes));
    }

    [Fact]
    public async Task A_file_one_byte_over_the_limit_is_413_naming_the_field_and_nothing_is_stored()
    {
        var facility = await Facility();
        var max = app.Services.GetRequiredService<EvidenceOptions>().MaxBytes;
        var bytes = Padded(Png, (int)max + 1);
        var r = await Upload(app.Staff, facility, bytes, "太大的照片.png");
        var problem = await r.AssertProblem(HttpStatusCode.RequestEntityTooLarge);
        Assert.StartsWith("文件过大", problem.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await RowsOf(facility));
        Assert.False(await Stored(bytes));
        Assert.False(await Stored(bytes[..(int)max]));
    }

    [Fact]
    public async Task A_request_far_over_the_limit_is_413_before_it_is_read()
    {
        var facility = await Facility();
        var max = app.Services.GetRequiredService<EvidenceOptions>().MaxRequestBytes;
        var r = await Upload(app.Staff, facility, Padded(Png, (int)max + 1024), "太大的照片.png");
        await r.AssertProblem(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, await RowsOf(facility));
    }

    [Fact]
    public async Task Another_units_facility_is_not_found_like_one_that_does_not_exist_and_its_files_are_not_found()
    {
        var inPanlong = await Facility(Make.Panlong);
        var bytes = (byte[])[.. Png, .. Guid.NewGuid().ToByteArray()];
        var theirs = (await (await Upload(app.Staff, inPanlong, bytes, "盘龙.png")).Created()).Id();

        var officer = await app.ClientAs(Role.TownOfficer, region: Make.Changyuan);
        var foreign = await (await Upload(officer, inPanlong, bytes, "越界.png")).AssertProblem(HttpStatusCode.NotFound);
        var missing = await (await Upload(officer, Guid.CreateVersion7(), bytes, "越界.png")).AssertProblem(HttpStatusCode.NotFound);
        Assert.Equal(missing.GetProperty("detail").GetString(), foreign.GetProperty("detail").GetString());
        Assert.Equal(1, await RowsOf(inPanlong));
        await (await officer.GetAsync($"/api/evidence/{theirs}")).AssertProblem(HttpStatusCode.NotFound);
        await (await officer.GetAsync($"/api/evidence/{theirs}/content")).AssertProblem(HttpStatusCode.NotFound);

        var own = await Facility(Make.Changyuan);
        var operatorOfOwn = await app.ClientAs(Role.Operator, facilities: [own]);
        await (await Upload(operatorOfOwn, inPanlong, bytes, "越界.png")).AssertProblem(HttpStatusCode.NotFound);
        (await (await Upload(operatorOfOwn, own, bytes, "本站.png")).Created()).Id();
        await (await operatorOfOwn.GetAsync($"/api/evidence/{theirs}/content")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_missing_file_or_facility_is_a_field_error()
    {
        var form = new MultipartFormDataContent { { new StringContent(Guid.NewGuid().ToString()), "facilityId" } };
        await (await app.Staff.PostAsync("/api/evidence", form)).AssertFieldError("file");
        await (await Upload(app.Staff, null, Png, "a.png")).AssertFieldError("facilityId");
    }

    [Fact]
    public async Task A_download_is_written_to_the_audit_trail_with_who_and_which_file()
    {
        var facility = await Facility();
        var id = (await (await Upload(app.Staff, facility, [.. Pdf, .. Guid.NewGuid().ToByteArray()], "验收报告.pdf")).Created()).Id();
        var evaluator = await app.ClientAs(Role.Evaluator);
        (await evaluator.GetAsync($"/api/evidence/{id}/content")).EnsureSuccessStatusCode();
        var user = await app.User(Role.Evaluator);
        await using var scope = app.Scope(out var db);
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == OpenEvidence.AuditAction && a.Target == $"evidence/{id}");
        Assert.Equal((user.UserName, "success"), (entry.UserName, entry.Outcome));
        Assert.Contains("验收报告.pdf", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_bytes_for_the_same_facility_return_the_same_record_and_for_another_facility_a_new_one()
    {
        var facility = await Facility();
        var bytes = (byte[])[.. Jpeg, .. Guid.NewGuid().ToByteArray()];
        var first = (await (await Upload(app.Staff, facility, bytes, "一.jpg")).Created()).Id();
        var again = (await (await Upload(app.Staff, facility, bytes, "二.jpg")).Created()).Id();
        Assert.Equal(first, again);
        Assert.Equal(1, await RowsOf(facility));
        var other = (await (await Upload(app.Staff, await Facility(), bytes, "一.jpg")).Created()).Id();
        Assert.NotEqual(first, other);
    }
}
