using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Meals;

/// <summary>Standing orders of regular diners: the list, a form to add one, pause and resume, and generating a day's orders.</summary>
[Authorize(Policy = Roles.Policies.ReadMeals)]
public sealed class MealStandingModel(AppDbContext db, CurrentUser user, TimeProvider clock, MealOptions options, Audit.AuditLog audit)
    : MealPageModel(db, user, clock)
{
    [BindProperty(Name = "elderId")] public string? ElderId { get; set; }
    [BindProperty(Name = "weekdays")] public List<int> Weekdays { get; set; } = [];
    [BindProperty(Name = "fromDate")] public string? FromDate { get; set; }
    [BindProperty(Name = "diningPointId")] public string? DiningPointId { get; set; }
    [BindProperty(Name = "mode")] public string? Mode { get; set; }
    [BindProperty(Name = "setCode")] public string? SetCode { get; set; }

    public Paged<StandingMealOrderResource> Orders { get; private set; } = new([], 1, PageRequest.DefaultPageSize, 0);
    public IReadOnlyList<MealElderChoice> Elders { get; private set; } = [];
    public StandingRaiseResult? Raised { get; private set; }
    public string Today => Display.Date(Clock.Today());

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadSitesAsync(ct);
        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => WriteAsync(async () =>
    {
        var errors = new FieldErrors();
        var elderId = FormValues.Id(ElderId, "elderId", errors);
        var from = FormValues.Date(FromDate, "fromDate", errors);
        var point = FormValues.Id(DiningPointId, "diningPointId", errors);
        var mode = FormValues.Choice<MealMode>(Mode, "mode", errors);
        if (elderId is null && !errors.Any) errors.Add("elderId", "请选择老年人。");
        if (errors.Any) return await FormAgainAsync(errors, LoadAsync, ct);
        var input = new RegisterStandingMealOrder.Input(elderId, Meal, [.. Weekdays], mode, point, SetCode, from);
        var outcome = await RegisterStandingMealOrder.Handle(input, CurrentUser, Db, Clock, audit, ct);
        if (outcome.Value is { } s)
        {
            return RedirectWithFlash("/meals/standing",
                $"已登记{s.ElderName}的长期{MealValidation.NameOf(s.Meal)}：{s.WeekdaysText}，自 {s.FromDate:yyyy-MM-dd} 起。");
        }
        if (outcome.Kind is OutcomeKind.Conflict or OutcomeKind.NotFound) errors.Add("elderId", outcome.Message!);
        else outcome.Errors!.MergeInto(errors);
        return await FormAgainAsync(errors, LoadAsync, ct);
    }, ct);

    public Task<IActionResult> OnPostRaiseAsync(CancellationToken ct) => WriteAsync(async () =>
    {
        var outcome = await RaiseStandingMealOrders.Handle(Date, CurrentUser, Db, options, Clock, ct);
        if (outcome.Value is { } r)
        {
            return RedirectWithFlash($"/meals/standing?date={r.Date:yyyy-MM-dd}", $"已生成 {r.Date:yyyy-MM-dd} 的订餐 {r.Created} 份，跳过 {r.Skipped} 份"
                                + (r.Skips.Count > 0
                                    ? "：" + string.Join("；", r.Skips.Select(x => $"{x.ElderName}{MealValidation.NameOf(x.Meal)}，{x.Reason}"))
                                    : "。"));
        }
        return await FormAgainAsync(outcome.Errors!, LoadAsync, ct);
    }, ct);

    public Task<IActionResult> OnPostPauseAsync(Guid standingId, CancellationToken ct) =>
        ActAsync(() => PauseStandingMealOrder.Handle(standingId, CurrentUser, Db, Clock, audit, ct),
            s => $"已暂停{s.ElderName}的长期{MealValidation.NameOf(s.Meal)}。", () => "/meals/standing", ct);

    public Task<IActionResult> OnPostResumeAsync(Guid standingId, CancellationToken ct) =>
        ActAsync(() => ResumeStandingMealOrder.Handle(standingId, CurrentUser, Db, audit, ct),
            s => $"已恢复{s.ElderName}的长期{MealValidation.NameOf(s.Meal)}。", () => "/meals/standing", ct);

    public Pager ListPager() => new(Orders.Page, Orders.PageCount, Orders.Total, p => $"/meals/standing?page={p}");

    private async Task LoadAsync(CancellationToken ct)
    {
        var page = new PageRequest(Paging.PageNumber(Request), PageRequest.DefaultPageSize);
        Orders = await ListStandingMealOrders.Handle(page, CurrentUser.Scope, Db, ct);
        (Elders, _) = await GetMealOrderChoices.Handle(Clock.Today(), Meal, null, null, CurrentUser.Scope, Db, ct);
    }
}
