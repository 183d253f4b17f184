using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Features.Facilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElderCare.BrowserTests.Infrastructure;

/// <summary>
/// What a home visit needs, registered through the app's own use cases: a station registered as provider; a caregiver who
/// is its worker (helper certificate, serving 昌元街道, living 500 m north of the elder); an elder living alone at
/// (<see cref="Lat"/>, <see cref="Lng"/>); 陪伴聊天 with a 5-minute standard, so a whole visit fits in a test.
/// </summary>
public sealed record HomeVisit(Guid Elder, Guid Worker, Guid Item, TestUser Caregiver)
{
    public const double Lat = 29.4048, Lng = 105.5942;

    public static async Task<HomeVisit> ArrangeAsync(AppServer app, string elderName, string workerName, string phone, string certificate)
    {
        var facility = await app.FacilityAsync(elderName + "的服务站", FacilityType.CommunityStation, "500153001");
        var elder = await app.ElderAsync(elderName, Make.IdNumber(), "500153001", LivingArrangement.Alone);
        var caregiver = await app.UserAsync(Role.Caregiver, displayName: workerName);
        var (_, worker) = await app.ProviderWithHelperAsync(facility.Id, workerName, phone, certificate, ["500153001"], Lat + 0.005, Lng,
            caregiver.UserName);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Elders.Where(e => e.Id == elder.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Latitude, Lat).SetProperty(e => e.Longitude, Lng));
        var item = await db.ServiceItems.Where(i => i.Code == "companionship").Select(i => i.Id).FirstAsync();
        await db.ServiceItems.Where(i => i.Id == item).ExecuteUpdateAsync(s => s.SetProperty(i => i.StandardMinutes, 5));
        return new HomeVisit(elder.Id, worker, item, caregiver);
    }
}
