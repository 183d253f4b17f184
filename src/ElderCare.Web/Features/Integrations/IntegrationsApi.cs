using Microsoft.OpenApi;
using System.Text.Json.Serialization;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Infrastructure.Auth;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Integrations;

/// <summary>The token answer of RFC 6749 §5.1 (its own snake_case names).</summary>
public sealed record OAuthTokenResult(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

public static class IntegrationsApi
{
    public const string ClientCredentialsGrant = "client_credentials";

    public static RouteGroupBuilder MapIntegrationsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/integrations/clients").WithTags("接口账户").RequireAuthorization(Roles.Policies.ManageIntegrations);

        g.MapGet("/", async ([AsParameters] ListApiClients.Query query, AppDbContext db, IntegrationOptions options, TimeProvider clock,
                CancellationToken ct) =>
                (await ListApiClients.Handle(query, db, options, clock, ct)).ToResult(TypedResults.Ok))
            .Produces<Paged<ApiClientResource>>()
            .WithSummary("接口账户列表（分页）");

        g.MapPost("/", async (RegisterApiClient.Input input, HttpContext http, AppDbContext db, IntegrationOptions options, TimeProvider clock,
                AuditLog audit, CurrentUser actor, CancellationToken ct) =>
                (await RegisterApiClient.Handle(input, db, options, clock, audit, actor, ct)).ToResult(c =>
                {
                    http.Response.Headers.CacheControl = "no-store";
                    return TypedResults.Created($"/api/integrations/clients/{c.Client.Id}", c);
                }))
            .Produces<ApiClientCreated>(StatusCodes.Status201Created)
            .WithSummary("新建接口账户：名称、角色、数据范围、有效期；返回的密钥只显示这一次（只保存其哈希）");

        g.MapGet("/{id:guid}", async (Guid id, AppDbContext db, IntegrationOptions options, TimeProvider clock, CancellationToken ct) =>
                (await GetApiClient.Handle(id, db, options, clock, ct)).ToResult(TypedResults.Ok))
            .Produces<ApiClientDetails>()
            .WithSummary("接口账户详情及其密钥（只显示末四位）");

        g.MapPost("/{id:guid}/secrets", async (Guid id, HttpContext http, AppDbContext db, TimeProvider clock, AuditLog audit, CurrentUser actor,
                CancellationToken ct) =>
                (await AddClientSecret.Handle(id, db, clock, audit, actor, ct)).ToResult(s =>
                {
                    http.Response.Headers.CacheControl = "no-store";
                    return TypedResults.Created($"/api/integrations/clients/{id}", s);
                }))
            .Produces<ClientSecretCreated>(StatusCodes.Status201Created)
            .WithSummary("轮换第一步：新建第二个密钥（最多同时两个有效），只显示这一次");

        g.MapPost("/{id:guid}/secrets/{secretId:guid}/retire", async (Guid id, Guid secretId, AppDbContext db, IntegrationOptions options,
                TimeProvider clock, AuditLog audit, CurrentUser actor, CancellationToken ct) =>
                (await RetireClientSecret.Handle(id, secretId, db, options, clock, audit, actor, ct)).ToResult(TypedResults.Ok))
            .Produces<ApiClientDetails>()
            .WithSummary("轮换第二步：停用旧密钥，用它换取的令牌随即失效；不能停用唯一的有效密钥");

        g.MapPost("/{id:guid}/revoke", async (Guid id, AppDbContext db, IntegrationOptions options, TimeProvider clock, AuditLog audit,
                CurrentUser actor, CancellationToken ct) =>
                (await RevokeApiClient.Handle(id, db, options, clock, audit, actor, ct)).ToResult(TypedResults.Ok))
            .Produces<ApiClientResource>()
            .WithSummary("停用接口账户：其全部密钥和已签发的令牌在下一次调用时即被拒绝");

        api.MapPost("/oauth/token", async (HttpContext http, AppDbContext db, IntegrationOptions options, TimeProvider clock, AuditLog audit,
                CurrentUser current, CancellationToken ct) =>
            {
                http.Items[AuditWrites.SkipKey] = true; // IssueClientToken records its own entry under the client's name
                http.Response.Headers.CacheControl = "no-store"; // RFC 6749 §5.1
                // RFC 6749 §4.4.2: the request is a form (application/x-www-form-urlencoded), read here so that anything else
                // is answered invalid_request in the grant's own terms.
                if (!http.Request.HasFormContentType)
                    return OAuthError(http, 400, "invalid_request", "请以 application/x-www-form-urlencoded 表单提交。");
                var form = await http.Request.ReadFormAsync(ct);
                string? grantType = form["grant_type"], clientId = form["client_id"], clientSecret = form["client_secret"];
                var header = http.Request.Headers.Authorization.ToString();
                var basic = header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase);
                if (string.IsNullOrEmpty(grantType)) return OAuthError(http, 400, "invalid_request", "缺少 grant_type。");
                if (grantType != ClientCredentialsGrant)
                    return OAuthError(http, 400, "unsupported_grant_type", "只支持 grant_type=client_credentials。");
                if (basic && (clientId is not null || clientSecret is not null))
                    return OAuthError(http, 400, "invalid_request", "客户端凭据只能用一种方式提交（Basic 认证或表单字段）。");
                if (basic)
                {
                    if (ClientCredential.Basic(header["Basic ".Length..].Trim()) is not var (id, secret))
                        return OAuthError(http, 401, "invalid_client", "无法读取 Basic 凭据。", basic);
                    (clientId, clientSecret) = (id.ToString(), secret);
                }
                if (await IssueClientToken.Handle(clientId, clientSecret, db, options, clock, audit, current.Address, ct) is not { } token)
                    return OAuthError(http, 401, "invalid_client", "客户端编号或密钥不正确，或接口账户已停用、已过期。", basic);
                return TypedResults.Ok(new OAuthTokenResult(token.AccessToken, "Bearer", token.ExpiresIn));
            })
            .AllowAnonymous()
            .DisableAntiforgery() // a machine-to-machine form post, no browser cookie involved
            .AddEndpointFilter(SignInLimiter.Filter) // the address budget of every sign-in door
            .Produces<OAuthTokenResult>()
            .ProducesProblem(StatusCodes.Status400BadRequest) // invalid_request, unsupported_grant_type
            .ProducesProblem(StatusCodes.Status401Unauthorized) // invalid_client
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .AddOpenApiOperationTransformer((op, _, _) =>
            {
                op.RequestBody = TokenForm(); // the form is read by the handler itself (above), so the document is told here
                return Task.CompletedTask;
            })
            .WithTags("接口账户")
            .WithSummary("OAuth 2.0 客户端凭据模式（RFC 6749 §4.4）：用客户端编号和密钥换取短期访问令牌")
            .WithDescription("表单 grant_type=client_credentials，client_id 与 client_secret 放在表单中或 HTTP Basic 认证头中（二选一）。" +
                "错误按 RFC 6749 §5.2 在 error 字段给出 invalid_request、invalid_client、unsupported_grant_type。");
        return api;
    }

    /// <summary>RFC 6749 §4.4.2: the token request's form fields.</summary>
    private static OpenApiRequestBody TokenForm()
    {
        static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
        var grant = Text("固定为 client_credentials");
        grant.Enum = [System.Text.Json.Nodes.JsonValue.Create(ClientCredentialsGrant)];
        return new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/x-www-form-urlencoded"] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { "grant_type" },
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["grant_type"] = grant,
                            ["client_id"] = Text("客户端编号（或放在 HTTP Basic 认证头中）"),
                            ["client_secret"] = Text("客户端密钥 ecs_…（或放在 HTTP Basic 认证头中）"),
                        },
                    },
                },
            },
        };
    }

    /// <summary>RFC 6749 §5.2: the error code in <c>error</c>, within a ProblemDetails like every other error of the API.</summary>
    private static IResult OAuthError(HttpContext http, int status, string error, string description, bool basic = false)
    {
        if (status == 401 && basic) http.Response.Headers.WWWAuthenticate = "Basic realm=\"ElderCare\", charset=\"UTF-8\"";
        return TypedResults.Problem(statusCode: status, detail: description,
            extensions: new Dictionary<string, object?> { ["error"] = error, ["error_description"] = description });
    }
}
