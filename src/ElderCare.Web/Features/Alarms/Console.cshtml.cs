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
    AlarmBroadcast broadcast, DeviceRateLimiter limiter, AlarmWriteGate gate, IConfiguration config, Audit.AuditLog audit) : PageModel
{
    private const string StepProblemKey = "AlarmStepProblem";

    public ConsoleView View { get; private set; } = new(new([], 1, 1, 0), [], default, 60);
    public string? TileUrl { get; private set; }

    /// <summary>The answer and on-site limits (AlarmOptions), as the page's lead states them.</summary>
    public int AnswerSeconds => options.AcknowledgeSeconds;

    public int OnSiteMinutes => options.OnSiteMinutes;

    /// <summary>
    /// Why the last step was refused, carried across the redirect. Read from TempData only by the full page: a [TempData]
    /// property would load TempData on the cards' re-read too, and that answer (deleting the cookie) could land after a
    /// post's and swallow its message.
    /// </summary>
    public string? Problem { get; private set; }

    private const string ProblemKey = "AlarmProblem";

    /// <summary>The hotline entry's elder search (name or ID number); null until searched.</summary>
    [BindProperty] public string? Q { get; set; }

    public ElderPicker.Found Found { get; private set; } = new([], 0, null);

    /// <summary>A fresh idempotency key per rendered form: a double submit of the same form replays, never adds a second alarm.</summary>
    public string HotlineKey { get; private set; } = "hotline-" + Guid.CreateVersion7().ToString("N");

    /// <summary>When the call was taken (the form was opened); part of the request's meaning, so fixed in the form.</summary>
    public DateTimeOffset HotlineAt { get; private set; }

    /// <summary>Why the hotline entry was not stored; shown with the form kept as posted.</summary>
    public string? HotlineProblem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        HotlineAt = clock.GetUtcNow();
        await Load(ct);
    }

    /// <summary>The hotline entry's elder search, posted (name or ID number stays out of the URL).</summary>
    public async Task<IActionResult> OnPostFindAsync(CancellationToken ct)
    {
        HttpContext.Items[Audit.AuditWrites.SkipKey] = true; // a read
        HotlineAt = clock.GetUtcNow();
        Q ??= "";
        await Load(ct);
        return Page();
    }

    private async Task Load(CancellationToken ct, UnmaskContact.Unmasked? revealed = null)
    {
        View = await Read(ct, TempData[StepProblemKey] is string json ? Read(json) : null, revealed);
        Problem = TempData[ProblemKey] as string;
        if (Q is not null)
        {
            Q = Q.Trim();
            Found = await ElderPicker.Find(Q, user.Scope, db, protector, clock, ct);
        }
        TileUrl = config["Map:TileUrl"];
    }

    /// <summary>The open cards and today's handled alarms, with the server's clock and the answer limit (AlarmOptions).</summary>
    private async Task<ConsoleView> Read(CancellationToken ct, StepProblem? problem = null, UnmaskContact.Unmasked? revealed = null)
    {
        var open = await ListAlarmCards.Handle(user.Scope, db, protector, options, ct);
        if (revealed is not null)
            open = open with { Items = open.Items.Select(c => c.Alarm.Id == revealed.AlarmId ? c with { Revealed = revealed } : c).ToList() };
        var handled = await ListHandledAlarms.Handle(user.Scope, db, clock, ct);
        return new ConsoleView(open, handled, clock.UtcNow(), options.AcknowledgeSeconds, problem);
    }

    private static StepProblem? Read(string json) => System.Text.Json.JsonSerializer.Deserialize<StepProblem>(json);

    public async Task<IActionResult> OnGetCardsAsync(CancellationToken ct) => Partial("_AlarmCards", await Read(ct));

    /// <summary>
    /// An emergency contact's full number for this alarm (the same <see cref="UnmaskContact"/> as the API): shown once on
    /// the card as a tel: link, never cached. The console's script calls the API instead and keeps the page.
    /// </summary>
    public async Task<IActionResult> OnPostContactAsync(Guid id, int? contact, CancellationToken ct)
    {
        var outcome = await UnmaskContact.Handle(id, new UnmaskContact.Input(contact), user, db, protector, audit, ct);
        if (!outcome.IsOk)
        {
            HttpContext.Items[Audit.AuditWrites.RefusedKey] = true;
            TempData[ProblemKey] = outcome.Errors is { } errors ? string.Join(" ", errors.Entries.SelectMany(e => e.Value)) : outcome.Message;
            return RedirectToPage();
        }
        HotlineAt = clock.GetUtcNow();
        await Load(ct, outcome.Value);
        Response.Headers.CacheControl = "no-cache, no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostStepAsync(Guid id, AlarmAction step, ResponderKind? responder, string? responderName, double? lat,
        double? lng, AlarmOutcome? outcome, string? note, CancellationToken ct)
    {
        var input = new AdvanceAlarm.Input(responder, responderName, LocationResource.Of(lat, lng), outcome, note, null);
        var result = await AdvanceAlarm.Handle(id, step, input, user, db, options, clock, ct);
        if (result.IsOk)
        {
            await broadcast.SendAsync(result.Value!, Regions.Region.UnitOf(result.Value!.RegionCode) ?? result.Value.RegionCode,
                EnumText(step), clock.UtcNow());
            TempData["Flash"] = $"已{AlarmLabels.Of(step)}。";
        }
        else if (result.Errors is { } errors)
        {
            // Beside the fields of that alarm's form, with what was posted (kept for the next read of the page).
            HttpContext.Items[Audit.AuditWrites.RefusedKey] = true;
            TempData[ProblemKey] = $"“{AlarmLabels.Of(step)}”未完成：请按卡片上的提示修改后再提交。";
            var posted = new Dictionary<string, string?>
            {
                ["responder"] = responder?.ToString(), ["responderName"] = responderName, ["outcome"] = outcome?.ToString(), ["note"] = note,
                ["lat"] = Request.Form["lat"], ["lng"] = Request.Form["lng"],
            };
            TempData[StepProblemKey] = System.Text.Json.JsonSerializer.Serialize(
                new StepProblem(id, step.ToString(), errors.Entries.ToDictionary(e => e.Key, e => e.Value.ToArray()), posted));
        }
        else
        {
            HttpContext.Items[Audit.AuditWrites.RefusedKey] = true;
            TempData[ProblemKey] = result.Message;
        }
        return RedirectToPage();
    }

    /// <summary>Hotline entry (电话接警): the same RaiseAlarm as POST /api/alarms, the staff member as the source.</summary>
    public async Task<IActionResult> OnPostHotlineAsync(Guid? elderId, AlarmKind? kind, string? note, string? idempotencyKey,
        DateTimeOffset? occurredAt, CancellationToken ct)
    {
        RaiseAlarm.Answer answer;
        try
        {
            answer = await RaiseAlarm.Handle(new RaiseAlarm.Input(kind, occurredAt, null, elderId, note), idempotencyKey,
                new RaiseAlarm.Caller(null, user), db, limiter, gate, clock, ct);
        }
        catch (Exception e) when (Infrastructure.Errors.DatabaseUnavailable.Is(e))
        {
            answer = new(Infrastructure.Errors.Outcome<AlarmResource>.Conflict("报警尚未保存：数据库暂时不可用，请再次点击“录入报警”（不会重复录入）。"),
                RaiseAlarm.Result.Created);
        }
        switch (answer.Result)
        {
            case RaiseAlarm.Result.Created when answer.Outcome.IsOk:
                var alarm = answer.Outcome.Value!;
                await broadcast.SendAsync(alarm, Regions.Region.UnitOf(alarm.RegionCode) ?? alarm.RegionCode, "raised", alarm.RaisedAt);
                TempData["Flash"] = $"已录入{AlarmLabels.Of(alarm.Kind)}报警，请立即接警。";
                return RedirectToPage();
            case RaiseAlarm.Result.Replayed:
                TempData["Flash"] = "该报警已录入（重复提交，未新增报警）。";
                return RedirectToPage();
        }
        // Not stored: the form again as posted, with the same key and call time, so submitting it again is still one alarm
        // (a key already used for another alarm gets a new one).
        HttpContext.Items[Audit.AuditWrites.RefusedKey] = true;
        HotlineProblem = answer.Outcome.Errors is { } errors ? string.Join(" ", errors.Entries.SelectMany(e => e.Value)) : answer.Outcome.Message;
        if (answer.Result != RaiseAlarm.Result.KeyReused && !string.IsNullOrWhiteSpace(idempotencyKey)) HotlineKey = idempotencyKey;
        HotlineAt = occurredAt ?? clock.GetUtcNow();
        Q ??= "";
        await Load(ct);
        Found = Found with { Selected = elderId };
        PostedKind = kind;
        PostedNote = note;
        return Page();
    }

    public AlarmKind? PostedKind { get; private set; }
    public string? PostedNote { get; private set; }

    private static string EnumText(AlarmAction a) => Infrastructure.Web.EnumText.Of(a);
}
