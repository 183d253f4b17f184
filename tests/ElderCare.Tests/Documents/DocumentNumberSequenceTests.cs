using System.Net;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Infrastructure.Documents;

namespace ElderCare.Tests.Documents;

/// <summary>The 文号 sequence against the database (SQLite or PostgreSQL, ELDERCARE_TEST_DB), and the assessment report's number.</summary>
[Collection(nameof(SharedApp))]
public class DocumentNumberSequenceTests(AppFactory app)
{
    [Fact]
    public async Task Twenty_concurrent_requests_get_twenty_distinct_consecutive_numbers()
    {
        const int year = 3001; // a year no other test numbers in
        var numbers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            await using var scope = app.Scope(out var db);
            return await DocumentNumbers.NextAsync(DocumentKind.AssessmentReport, year, db, CancellationToken.None);
        })));
        Assert.Equal(Enumerable.Range(1, 20), numbers.Order());

        // Another year starts again at 1.
        await using var scope = app.Scope(out var db);
        Assert.Equal(1, await DocumentNumbers.NextAsync(DocumentKind.AssessmentReport, year + 1, db, CancellationToken.None));
        Assert.Equal(21, await DocumentNumbers.NextAsync(DocumentKind.AssessmentReport, year, db, CancellationToken.None));
    }

    private static object Input(string assessedOn) => Make.Assessment(assessedOn, "文号评估甲", "文号评估乙");

    [Fact]
    public async Task Two_recorded_assessments_get_consecutive_report_numbers_shown_on_the_report()
    {
        var elder = await app.Staff.NewElder(Make.Elder(name: "文号对象"));
        var first = await app.Staff.PostJson($"/api/elders/{elder}/assessments", Input("2025-03-01"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var second = await app.Staff.PostJson($"/api/elders/{elder}/assessments", Input("2025-09-01"));
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var a = await first.ReadJson();
        var b = await second.ReadJson();
        var numberA = a.GetProperty("reportNumber").GetString()!;
        var numberB = b.GetProperty("reportNumber").GetString()!;
        Assert.Matches(@"^荣昌民评〔2025〕\d{6}号$", numberA);
        Assert.Equal(int.Parse(numberA[10..16]) + 1, int.Parse(numberB[10..16]));

        var page = await app.Staff.GetAsync($"/elders/{elder}/assessments/{b.GetProperty("id").GetString()}/report");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"报告编号 {numberB}", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var history = (await (await app.Staff.GetAsync($"/api/elders/{elder}/assessments")).ReadJson()).EnumerateArray().ToList();
        Assert.Equal([numberB, numberA], history.Select(h => h.GetProperty("reportNumber").GetString()));
    }
}
