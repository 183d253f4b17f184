using System.Globalization;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Outbound;

/// <summary>The delivery log: every SMS and webhook delivery with its status, attempts and last error, paged and filtered.</summary>
[Authorize(Policy = Roles.Policies.ManageWebhooks)]
public sealed class DeliveriesModel(AppDbContext db, FieldProtector protector) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "kind")] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "eventType")] public string? EventType { get; set; }
    [BindProperty(SupportsGet = true, Name = "subscriptionId")] public Guid? SubscriptionId { get; set; }

    public Paged<DeliveryResource> Rows { get; private set; } = new([], 1, PageRequest.DefaultPageSize, 0);

    public static readonly IReadOnlyDictionary<OutboxStatus, string> StatusNames = new Dictionary<OutboxStatus, string>
    {
        [OutboxStatus.Pending] = "待发送", [OutboxStatus.Sent] = "已发送", [OutboxStatus.Delivered] = "已送达",
        [OutboxStatus.Undelivered] = "未送达", [OutboxStatus.Refused] = "超限未发", [OutboxStatus.Failed] = "已放弃",
        [OutboxStatus.Cancelled] = "已取消",
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        var outcome = await ListDeliveries.Handle(new ListDeliveries.Query { Kind = Kind, Status = Status, EventType = EventType,
            SubscriptionId = SubscriptionId, Page = Paging.PageNumber(Request), PageSize = PageRequest.DefaultPageSize }, db, protector, ct);
        if (outcome.IsOk) Rows = outcome.Value!;
        else
        {
            ModelState.AddFieldErrors(outcome.Errors!);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    public Pager ListPager() => new(Rows.Page, Rows.PageCount, Rows.Total, UrlFor);

    private string UrlFor(int page) => "/integrations/webhooks/deliveries?" + string.Join("&", new[]
        {
            ("kind", Kind), ("status", Status), ("eventType", EventType), ("subscriptionId", SubscriptionId?.ToString()),
            ("page", page.ToString(CultureInfo.InvariantCulture)),
        }.Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
}
