using System.Net;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Caregiver;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.Extensions.DependencyInjection;

namespace ElderCare.Tests.Caregiver;

[Collection(nameof(SharedApp))]
public class CaregiverPagesTests(AppFactory app)
{
    [Fact]
    public async Task Today_lists_the_visits_of_the_day_in_pages()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var page = await ListTodayVisits.Handle(new(1, 50), DataScope.District, db, app.Clock, default);
        Assert.True(page.IsOk);
        Assert.Equal((1, 50), (page.Value!.Page, page.Value.PageSize));
        Assert.True(page.Value.Items.Zip(page.Value.Items.Skip(1)).All(p => p.First.WindowStart <= p.Second.WindowStart));
        var refused = await ListTodayVisits.Handle(new(0, 50), DataScope.District, db, app.Clock, default);
        Assert.Equal(OutcomeKind.Invalid, refused.Kind);
    }

    [Fact]
    public async Task The_phone_page_shows_today_and_an_unknown_order_is_the_not_found_panel()
    {
        var carer = await app.ClientAs(Role.Caregiver);
        Assert.Contains("今日上门", await carer.GetStringAsync("/caregiver"), StringComparison.Ordinal);
        var missing = await carer.GetAsync($"/caregiver/orders/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("找不到该工单，或不是派给您的。", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
