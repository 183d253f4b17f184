using System.Net;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;

namespace ElderCare.Tests.Assessments;

[Collection(nameof(SharedApp))]
public class AssessmentPagesTests(AppFactory app)
{
    [Theory]
    [InlineData("/elders/{0}/assessments/new", "未找到该老年人。")]
    [InlineData("/elders/{0}/barthel/new", "未找到该页面或该老年人。")]
    [InlineData("/elders/{0}/self-care/new", "未找到该页面或该老年人。")]
    [InlineData("/elders/{0}/wings/new", "未找到该页面或该老年人。")]
    [InlineData("/elders/{0}/assessments/{0}/report", "未找到该老年人。")]
    public async Task An_unknown_elder_is_the_not_found_panel_with_404(string path, string message)
    {
        var evaluator = await app.ClientAs(Role.DistrictStaff);
        var r = await evaluator.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        Assert.Contains(message, await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
