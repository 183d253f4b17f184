using System.Text;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Tests.Web;

/// <summary>ADR 25: a request the API cannot bind is a Chinese ProblemDetails naming the parameter, found from the
/// endpoint's binding metadata (not from the framework's English message).</summary>
[Collection(nameof(SharedApp))]
public sealed class BindingErrorTests(AppFactory app)
{
    [Theory]
    [InlineData("/api/facilities?page=abc", "page")]
    [InlineData("/api/facilities?pageSize=1.5", "pageSize")]
    [InlineData("/api/facilities?page=1&page=x", "page")]
    [InlineData("/api/evaluations/rounds?year=2026x", "year")]
    [InlineData("/api/devices?elderId=not-a-guid", "elderId")]
    public async Task A_query_value_that_does_not_parse_names_its_parameter(string url, string field) =>
        Assert.Equal("参数格式无效。", await (await app.Staff.GetAsync(url)).AssertFieldError(field));

    /// <summary>An empty value of an optional number is "not given" (a blank form field), as the generated binder reads it.</summary>
    [Fact]
    public async Task An_empty_optional_number_is_not_given()
    {
        var page = await (await app.Staff.GetAsync("/api/facilities?pageSize=&page=")).ReadJson();
        Assert.Equal(1, page.GetProperty("page").GetInt32());
        Assert.Equal(PageRequest.DefaultPageSize, page.GetProperty("pageSize").GetInt32());
    }

    [Fact]
    public async Task A_missing_body_names_the_body_parameter()
    {
        var empty = new StringContent("", Encoding.UTF8, "application/json");
        await (await app.Staff.PostAsync("/api/facilities", empty)).AssertFieldError("input");
    }
}
