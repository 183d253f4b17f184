using ElderCare.Web.Features.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace ElderCare.Web.Features.Alarms;

/// <summary>
/// The live console's channel. A connection joins the groups of its scope: the district duty desk, one street or
/// town, or its stations. Messages only say "something changed" (id, status); the console then re-reads the open
/// alarms from the database, so a missed message or a reconnect never hides an alarm (QUALITY R5). The scope comes from
/// the connection's user, not the request: over long polling (a proxy without WebSockets) no request is current here.
/// </summary>
[Authorize(Policy = Roles.Policies.HandleAlarms)]
public sealed class AlarmHub : Hub
{
    public const string Path = "/hubs/alarms";
    public const string DistrictGroup = "district";

    public static string UnitGroup(string code) => "unit:" + code;

    public static string StationGroup(Guid id) => "station:" + id.ToString("N");

    public override async Task OnConnectedAsync()
    {
        var scope = Context.User is { } user ? CurrentUser.ScopeOf(user) : DataScope.Nothing;
        IEnumerable<string> groups = scope.Kind switch
        {
            ScopeKind.District => [DistrictGroup],
            ScopeKind.Unit => [UnitGroup(scope.RegionCode!)],
            ScopeKind.Facilities => scope.FacilityIds.Select(StationGroup),
            _ => [],
        };
        foreach (var g in groups) await Groups.AddToGroupAsync(Context.ConnectionId, g);
        await base.OnConnectedAsync();
    }

    /// <summary>
    /// True once the console hears every alarm of its scope: SignalR answers the handshake before <see cref="OnConnectedAsync"/>
    /// has joined the groups (with Redis, a subscription round trip later), and handles a call only after it has.
    /// </summary>
    public bool Ready() => true;
}

/// <summary>What the hub sends: <c>alarmChanged</c> with the alarm's id, status and what happened.</summary>
public sealed record AlarmSignal(Guid Id, AlarmStatus Status, string Change, DateTime At);

public sealed class AlarmBroadcast(IHubContext<AlarmHub> hub, ILogger<AlarmBroadcast> logger)
{
    public async Task SendAsync(AlarmResource alarm, string unitCode, string change, DateTime at)
    {
        try
        {
            await hub.Clients.Groups(AlarmQueries.GroupsOf(unitCode, alarm.StationId)).SendAsync("alarmChanged",
                new AlarmSignal(alarm.Id, alarm.Status, change, at));
        }
        catch (Exception e)
        {
            // The alarm is stored; consoles re-read on reconnect and every 30 s, so a lost signal only delays it.
            logger.LogWarning(e, "Could not signal alarm {Id}", alarm.Id);
        }
    }
}
