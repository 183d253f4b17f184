using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Alarms;

/// <summary>
/// The live console (接警台). The page lists every open alarm in scope from the database and works without
/// JavaScript (forms post each step); with JavaScript, a SignalR signal or a reconnect re-reads the list (handler
/// "Cards"), so nothing raised while disconnected is missed.
/// </summary>
[Authorize(Policy = Roles.Policies.HandleAlarms)]
public sealed class AlarmConsoleModel(AppDbContext db, FieldProtector protector, CurrentUser user, AlarmOptions options, TimeProvider clock,
    AlarmBroadcast broadcast) : PageModel
{
    public IReadOnlyList<AlarmCard> Cards { get; private set; } = [];
    public string? TileUrl { get; private set; }

    [TempData]
    public string? Problem { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Cards = await ListAlarms.OpenCards(user.Scope, db, protector, ct);
        TileUrl = HttpContext.RequestServices.GetRequiredService<IConfiguration>()["Map:TileUrl"];
    }

    public async Task<IActionResult> OnGetCardsAsync(CancellationToken ct) =>
        Partial("_AlarmCards", await ListAlarms.OpenCards(user.Scope, db, protector, ct));

    public async Task<IActionResult> OnPostStepAsync(Guid id, AlarmAction step, ResponderKind? responder, string? responderName, double? lat, double? lng,
        AlarmOutcome? outcome, string? note, CancellationToken ct)
    {
        var input = new AdvanceAlarm.Input(responder, responderName, lat is { } a && lng is { } b ? new LocationResource(a, b) : null, outcome, note, null);
        var result = await AdvanceAlarm.Handle(id, step, input, user, db, options, clock, ct);
        if (result.IsOk)
        {
            await broadcast.SendAsync(result.Value!, Regions.Region.UnitOf(result.Value!.RegionCode) ?? result.Value.RegionCode,
                EnumText(step), clock.UtcNow());
            TempData["Flash"] = $"已{AlarmLabels.Of(step)}。";
        }
        else
        {
            HttpContext.Items[Audit.AuditWrites.RefusedKey] = true;
            Problem = result.Errors is { } errors ? string.Join(" ", errors.Entries.SelectMany(e => e.Value)) : result.Message;
        }
        return RedirectToPage();
    }

    private static string EnumText(AlarmAction a) => Infrastructure.Web.EnumText.Of(a);
}
