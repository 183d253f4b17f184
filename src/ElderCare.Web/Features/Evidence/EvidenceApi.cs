using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Evidence;

public static class EvidenceApi
{
    public static RouteGroupBuilder MapEvidenceApi(this RouteGroupBuilder api)
    {
        var options = ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<EvidenceOptions>();
        var g = api.MapGroup("/evidence").WithTags("证明材料").RequireAuthorization(Roles.Policies.ReadFacilities);

        g.MapPost("/", async (IFormFile? file, [FromForm] Guid? facilityId, CurrentUser user, AppDbContext db, IEvidenceStore store,
                EvidenceOptions evidence, TimeProvider clock, CancellationToken ct) =>
            {
                if (file is null) return ApiResults.Invalid("file", "请上传证明材料（表单字段 file）。");
                await using var stream = file.OpenReadStream();
                var outcome = await StoreEvidence.Handle(new EvidenceUpload(facilityId, file.FileName, stream), user.Scope,
                    user.UserName ?? "", db, store, evidence, clock, ct);
                return Refused(outcome) ?? outcome.ToResult(f => TypedResults.Created($"/api/evidence/{f.Id}", f));
            })
            .DisableAntiforgery() // an API call authenticated by bearer token; page forms have their own antiforgery
            .WithMetadata(new RequestSizeLimitAttribute(options.MaxRequestBytes))
            .WithFormOptions(multipartBodyLengthLimit: options.MaxRequestBytes)
            .Produces<EvidenceResource>(StatusCodes.Status201Created) // openapi: the handler answers a plain IResult
            .WithSummary("上传证明材料（照片、PDF、Excel；multipart：file、facilityId）")
            .WithDescription("类型按文件内容判断（JPEG、PNG、WebP、PDF、.xlsx、.docx），与文件名无关；其他类型返回 415。" +
                "超过大小上限返回 413，不保存任何内容。同一设施上传相同内容的文件，返回已有的记录。设施须在本人管辖范围内，否则返回 404。");

        g.MapGet("/{id:guid}", async (Guid id, CurrentUser user, AppDbContext db, CancellationToken ct) =>
                (await GetEvidenceFile.Handle(id, user.Scope, db, ct)).ToResult(TypedResults.Ok))
            .WithSummary("证明材料信息（文件名、类型、大小、SHA-256、上传人）");

        g.MapGet("/{id:guid}/content", async (Guid id, HttpContext http, CurrentUser user, AppDbContext db, IEvidenceStore store,
                AuditLog audit, CancellationToken ct) =>
                (await OpenEvidence.Handle(id, user, db, store, audit, ct)).ToResult(c =>
                {
                    // Never rendered by the browser: an attachment of the sniffed type, not sniffed again, in a sandbox.
                    http.Items[EvidenceSetup.DownloadKey] = true;
                    http.Response.Headers.XContentTypeOptions = "nosniff";
                    return TypedResults.File(c.Content, c.File.ContentType, c.File.FileName);
                }))
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream") // openapi: the stored file, of its own type
            .WithSummary("下载证明材料（始终作为附件下载，记入审计日志）");
        return api;
    }

    /// <summary>An oversized file is 413 and a refused type 415, each still naming the field <c>file</c>.</summary>
    private static IResult? Refused(Outcome<EvidenceResource> outcome)
    {
        if (outcome.Kind != OutcomeKind.Invalid) return null;
        var errors = outcome.Errors!.ToDictionary();
        var message = errors.TryGetValue("file", out var m) ? m[0] : "";
        var status = message.StartsWith(StoreEvidence.TooLargePrefix, StringComparison.Ordinal) ? StatusCodes.Status413PayloadTooLarge
            : message.StartsWith(EvidenceTypes.RefusedPrefix, StringComparison.Ordinal) ? StatusCodes.Status415UnsupportedMediaType
            : 0;
        return status == 0 ? null : TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = status, Title = "数据校验未通过", Detail = message,
        });
    }
}
