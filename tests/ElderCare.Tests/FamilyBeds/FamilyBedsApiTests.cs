using ElderCare.Tests.Infrastructure;

namespace ElderCare.Tests.FamilyBeds;

[Collection(nameof(SharedApp))]
public class FamilyBedsApiTests(AppFactory app)
{
    [Fact]
    public async Task The_bed_list_is_a_page_like_every_other_list()
    {
        var page = await (await app.Staff.GetAsync("/api/family-beds?month=2026-12&page=1&pageSize=5")).ReadJson();
        Assert.Equal((1, 5), (page.GetProperty("page").GetInt32(), page.GetProperty("pageSize").GetInt32()));
        Assert.True(page.GetProperty("items").GetArrayLength() <= 5);
        Assert.True(page.GetProperty("total").GetInt32() >= page.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_page_below_1_is_refused_by_name()
    {
        await (await app.Staff.GetAsync("/api/family-beds?page=0")).AssertFieldError("page");
        await (await app.Staff.GetAsync("/api/family-beds?pageSize=0")).AssertFieldError("pageSize");
    }

    [Fact]
    public async Task The_bed_page_shows_the_pager()
    {
        var html = await app.Staff.GetStringAsync("/family-beds?month=2026-12");
        Assert.Contains("pager__info", html, StringComparison.Ordinal);
    }
}
