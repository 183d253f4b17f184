using System.Net;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;

namespace ElderCare.Tests.Alarms;

/// <summary>The alarms app with a console of two cards, so a third open alarm is beyond the cap.</summary>
public sealed class TwoCardConsoleApp : AppFactory
{
    public TwoCardConsoleApp()
    {
        Settings["Alarms:ClockIntervalSeconds"] = "0";
        Settings["Alarms:ConsoleCards"] = "2";
    }
}

public class AlarmConsoleCapTests(TwoCardConsoleApp app) : IClassFixture<TwoCardConsoleApp>
{
    [Fact]
    public async Task The_console_draws_the_longest_waits_up_to_its_cap_says_how_many_more_and_the_list_pages_them_all()
    {
        var officer = await app.ClientAs(Role.TownOfficer, region: Make.Changyuan);
        foreach (var n in Enumerable.Range(1, 3))
        {
            var elder = await AlarmsApiTests.Elder(app);
            var body = new { kind = "fall", occurredAt = AppFactory.Start, elderId = elder };
            var r = await officer.SendAsync(AlarmsApiTests.AlarmRequest(null, $"cap-{n}", body));
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
            app.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        var cards = await officer.GetStringAsync("/alarms?handler=Cards");
        Assert.Contains("未处置报警 3 条，此处显示等候最久的 2 条，其余见报警列表", cards, StringComparison.Ordinal);
        Assert.Equal(2, cards.Split("data-alarm-id=", StringSplitOptions.None).Length - 1);
        var page = await (await officer.GetAsync("/api/alarms?open=true&page=2&pageSize=2")).ReadJson();
        Assert.Equal((3, 1), (page.GetProperty("total").GetInt32(), page.GetProperty("items").GetArrayLength()));
    }
}
