using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Evidence;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Services;

/// <summary>Phones in the field: the catalogue items' checklists, a visit's photos, and how a visit was recorded.</summary>
public static class VisitProofApi
{
    public static RouteGroupBuilder MapVisitProofApi(this RouteGroupBuilder api)
    {
        var options = ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<EvidenceOptions>();
        var items = api.MapGroup("/service-items").WithTags("居家上门服务").RequireAuthorization(Roles.Policies.ReadServices);
        items.MapGet("/{id:guid}/checklist", async (Guid id, AppDbContext db, CancellationToken ct) =>
                (await GetChecklist.Handle(id, db, ct)).ToResult(TypedResults.Ok))
            .WithSummary("服务项目的操作步骤（护理员上门时逐项勾选）");
        items.MapPut("/{id:guid}/checklist", async (Guid id, SaveChecklist.Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
                CancellationToken ct) => (await SaveChecklist.Handle(id, input, user, db, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.EditCatalogue)
            .WithSummary("设置服务项目的操作步骤（steps，按服务项目代码保存，各价格版本共用；空列表即取消）");

        var orders = api.MapGroup("/orders").WithTags("居家上门服务").RequireAuthorization(Roles.Policies.ReadServices);
        orders.MapGet("/{id:guid}/visit-proof", async (Guid id, CurrentUser user, AppDbContext db, CancellationToken ct) =>
                (await GetVisitProof.Handle(id, user.Scope, db, ct)).ToResult(TypedResults.Ok))
            .WithSummary("上门记录的佐证：签到签退位置来源（手机定位及精度，或手工填写及原因）、服务步骤勾选、照片与老人签名");
        orders.MapPost("/{id:guid}/photos", async (Guid id, IFormFile? file, CurrentUser user, AppDbContext db, IEvidenceStore store,
                EvidenceOptions evidence, TimeProvider clock, CancellationToken ct) =>
            {
                if (file is null) return ApiResults.Invalid("file", "请上传服务照片（表单字段 file）。");
                await using var stream = file.OpenReadStream();
                return (await AttachVisitPhoto.Handle(id, stream, user, db, store, evidence, clock, ct))
                    .ToResult(a => TypedResults.Created($"/api/orders/{id}/visit-proof", a));
            })
            .RequireAuthorization(Roles.Policies.DeliverVisits)
            .DisableAntiforgery() // an API call authenticated by bearer token; the phone page's form has its own antiforgery
            .WithMetadata(new RequestSizeLimitAttribute(options.MaxRequestBytes))
            .WithFormOptions(multipartBodyLengthLimit: options.MaxRequestBytes)
            .Produces<VisitAttachmentResource>(StatusCodes.Status201Created)
            .WithSummary("上传服务照片作为上门佐证（multipart：file；JPEG、PNG 或 WebP，按内容判断）");
        return api;
    }
}
