using System.Text;
using ElderCare.Tests.Infrastructure;

namespace ElderCare.Tests.Web;

/// <summary>ADR 25: a request the API cannot bind is a Chinese ProblemDetails naming the parameter, found from the
/// endpoint's binding metadata (not from the framework's English message).</summary>
public sealed class BindingErrorTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("/api/facilities?page=abc", "page")]
    [InlineData("/api/facilities?pageSize=", "pageSize")]
    [InlineData("/api/facilities?page=1&page=x", "page")]
    public async Task A_query_value_that_does_not_parse_names_its_parameter(string url, string field) =>
        Assert.Equal("参数格式无效。", await (await app.Staff.GetAsync(url)).AssertFieldError(field));

    [Fact]
    public async Task A_missing_body_names_the_body_parameter()
    {
        var empty = new StringContent("", Encoding.UTF8, "application/json");
        await (await app.Staff.PostAsync("/api/facilities", empty)).AssertFieldError("input");
    }
}
