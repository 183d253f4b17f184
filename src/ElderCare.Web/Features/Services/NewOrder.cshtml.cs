using System.Globalization;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Services;

/// <summary>
/// The order form: the subsidy preview posts the same form to the quote; the dispatch suggestions follow on the order
/// page.
/// </summary>
[Authorize(Policy = Roles.Policies.WriteOrders)]
public sealed class NewOrderModel(AppDbContext db, CurrentUser user, FieldProtector protector, TimeProvider clock) : OutcomePageModel
{
    [BindProperty(SupportsGet = true, Name = "elderId")] public string? ElderId { get; set; }
    [BindProperty(Name = "idNumber")] public string? IdNumber { get; set; }

    /// <summary>The elder search (name or ID number), posted so an ID number stays out of the URL (as the hotline entry).</summary>
    [BindProperty(Name = "q")] public string? Q { get; set; }

    /// <summary>The elders found by <see cref="Alarms.ElderPicker"/>; null until searched.</summary>
    public Alarms.ElderPicker.Found? Found { get; private set; }
    [BindProperty(Name = "serviceItemId")] public string? ServiceItemId { get; set; }
    [BindProperty(Name = "date")] public string? Date { get; set; }
    [BindProperty(Name = "start")] public string? Start { get; set; }
    [BindProperty(Name = "end")] public string? End { get; set; }
    [BindProperty(Name = "providerId")] public string? ProviderId { get; set; }
    [BindProperty(Name = "channel")] public string? Channel { get; set; }

    public string? ElderName { get; private set; }
    public IReadOnlyList<ServiceItemResource> Items { get; private set; } = [];
    public IReadOnlyList<ProviderResource> Providers { get; private set; } = [];
    public SubsidyQuote? Quote { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var tomorrow = clock.Today().AddDays(1);
        Date = FormValues.Text(tomorrow);
        Start = "09:00";
        End = "10:00";
        Channel = EnumText.Of(OrderChannel.Officer);
        await Load(ct);
    }

    /// <summary>The elder search: the rest of the form is kept as posted.</summary>
    public async Task<IActionResult> OnPostFindAsync(CancellationToken ct)
    {
        HttpContext.Items[Audit.AuditWrites.SkipKey] = true; // a read, posted to keep an ID number out of the URL
        ElderId = null;
        Q ??= "";
        await Load(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        var (input, errors) = await Read(ct);
        if (errors.Any) ModelState.AddFieldErrors(errors);
        else Show(await RaiseOrder.Quote(input!, user.Scope, db, clock, ct), Quoted);
        await Load(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (input, errors) = await Read(ct);
        if (errors.Any) ModelState.AddFieldErrors(errors);
        else if (Show(await RaiseOrder.Handle(input!, user, db, clock, ct), Raised) is { } done) return done;
        await Load(ct);
        return Page();
    }

    /// <summary>An item as the choice reads: "助浴（60.00 元/次，60 分钟）".</summary>
    public static string ItemLabel(ServiceItemResource i) => $"{i.Name}（{Display.Yuan(i.PriceFen)}/{i.Unit}，{i.StandardMinutes} 分钟）";

    private PageResult Quoted(SubsidyQuote quote)
    {
        Quote = quote;
        return Page();
    }

    private RedirectResult Raised(OrderResource o)
    {
        return RedirectWithFlash($"/orders/{o.Id}", $"已下单：补贴 {Display.Yuan(o.SubsidyFen)}，自付 {Display.Yuan(o.OwnShareFen)}。请确认派单。");
    }

    private async Task<(RaiseOrder.Input?, FieldErrors)> Read(CancellationToken ct)
    {
        var errors = new FieldErrors();
        var elder = FormValues.Id(ElderId, "elderId", errors);
        var q = FormValues.Trimmed(Q);
        var idNumber = FormValues.Trimmed(IdNumber) ?? (q is not null && Alarms.ElderPicker.LooksLikeIdNumber(q) ? q : null);
        if (elder is null && idNumber is not null)
        {
            var found = await GetElder.ByIdNumber(idNumber, user.Scope, db, protector, clock, ct);
            if (found.IsOk) elder = found.Value!.Id;
            else errors.Add(IdNumber is null ? "q" : "idNumber", "辖区内没有登记该身份证号的老年人。");
        }
        else if (elder is null && q is not null) errors.Add("q", "请点“查找老年人”，再从结果中选择一位。");
        else if (elder is null) errors.Add("q", "请填写老年人姓名或身份证号并查找。");
        var item = FormValues.Id(ServiceItemId, "serviceItemId", errors);
        var day = FormValues.Date(Date, "date", errors);
        errors.AddIf(day is null && !errors.Entries.Any(e => e.Key == "date"), "date", "请选择服务日期。");
        var start = Time(Start, "windowStart", errors);
        var end = Time(End, "windowEnd", errors);
        var provider = FormValues.Id(ProviderId, "providerId", errors);
        var channel = FormValues.Choice<OrderChannel>(Channel, "channel", errors);
        if (errors.Any) return (null, errors);
        DateTimeOffset At(TimeOnly t) => new(day!.Value.ToDateTime(t), ChinaClock.Offset);
        return (new RaiseOrder.Input(elder, item, At(start!.Value), At(end!.Value), provider, channel), errors);
    }

    private static TimeOnly? Time(string? text, string field, FieldErrors errors)
    {
        if (TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)) return t;
        errors.Add(field, "时间格式为 HH:mm，例如 09:30。");
        return null;
    }

    private async Task Load(CancellationToken ct)
    {
        Items = await ListServiceItems.Handle(null, false, db, clock, ct);
        Providers = await ListProviders.Handle(user.Scope, db, ct);
        if (Guid.TryParse(ElderId, out var id)) ElderName = (await GetElder.Handle(id, user.Scope, db, protector, clock, ct)).Value?.Name;
        if (ElderName is null) ElderId = null;
        if (ElderName is null && Q is not null)
            Found = await Alarms.ElderPicker.Find(Q, user.Scope, db, protector, clock, ct);
    }
}
