using System.Text.Json;
using System.Text.Json.Serialization;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Alarms;
using ElderCare.Web.Infrastructure.Auth;
using ElderCare.Web.Infrastructure.Cluster;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Infrastructure.Web;

/// <summary>Services and middleware of the one host, kept out of Program.cs so it reads as a table of contents.</summary>
public static class HostSetup
{
    /// <summary>OWASP API4: no request body over 1 MB.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    public static void AddElderCare(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAppDatabase(builder.Configuration, builder.Environment.ContentRootPath);
        Features.Audit.PruneAudit.RetentionDays(builder.Configuration); // refuse to start with less than 180 days
        services.AddElderCareAccess(builder.Configuration, builder.Environment.ContentRootPath);
        Privacy.DataProtectionKeys.AddAppDataProtection(services, builder.Configuration, builder.Environment.ContentRootPath);
        services.AddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddStaticAssetCompression();
        services.AddValidatedOptions<Features.Elders.ElderOptions>(builder.Configuration, "Elders");
        // Elders: the phone blind index for rows stored before it (search by phone, ADR 6), once at start
        services.AddHostedService<Features.Elders.ElderPhoneBackfill>();
        // Assessments: reassessments assigned to an assessor in the to-do centre (daily work: batch assignment)
        services.AddScoped<Features.Todo.ITodoSource, Features.Assessments.ReassessmentTodoSource>();
        services.AddValidatedOptions<Features.Meals.MealOptions>(builder.Configuration, "Meals");
        services.AddAlarms(builder.Configuration);
        Cluster.RedisSetup.AddRedisWhenConfigured(services, builder.Configuration); // ADR 32: backplane and shared limits
        Telemetry.TelemetrySetup.AddTelemetry(builder); // ADR 32: JSON logs in Production, metrics, OTLP when configured
        services.AddValidatedOptions<Features.Services.ServiceOptions>(builder.Configuration, "Services");
        services.AddValidatedOptions<Spreadsheets.SpreadsheetLimits>(builder.Configuration, "Spreadsheets");
        services.AddValidatedOptions<Features.FamilyBeds.FamilyBedOptions>(builder.Configuration, "FamilyBeds");
        // Document numbers: options "Documents" (the 文号 prefix of each kind)
        services.AddValidatedOptions<Documents.DocumentOptions>(builder.Configuration, "Documents");
        // Map: the base map and the 15-minute circle
        services.AddValidatedOptions<Features.Map.MapOptions>(builder.Configuration, "Map");
        services.AddSingleton<Features.Map.MapTiles>();
        // Map data: the road network of Map:RoadsFile, read once on first use
        services.AddOptions<Features.Map.MapOptions>().PostConfigure<ILoggerFactory>((o, logs) =>
            o.Roads = new Features.Map.OsmRoads(o.RoadsFile, logs.CreateLogger<Features.Map.OsmRoads>()));
        // Public map: options "PublicMap" and the per-address rate limit of the no-sign-in page and API
        Features.Public.PublicSetup.AddPublicMap(services, builder.Configuration);
        // Evidence files: options "Evidence" and the store (local disk or S3-compatible)
        Features.Evidence.EvidenceSetup.AddEvidence(services, builder.Configuration, builder.Environment.ContentRootPath);
        // Supervision (三(一)): findings to rectify and re-inspections due in the to-do centre
        services.AddScoped<Features.Todo.ITodoSource, Features.Supervision.SupervisionTodoSource>();
        // Reports: reports to submit (town) and to approve (district) in the to-do centre
        services.AddScoped<Features.Todo.ITodoSource, Features.Reports.ReportsTodoSource>();
        // Tasks: options "Tasks", the escalation clock, the to-do sources of the task list and the existing features
        Features.Tasks.TasksSetup.AddTasks(services, builder.Configuration);
        // Integrations (clients): options "Integrations", the API client scheme, the per-client rate limit
        Features.Integrations.IntegrationsSetup.AddIntegrations(services, builder.Configuration);
        // Outbound: options "Outbound" and "Sms", the outbox sender, the SMS gateway and notifier (ADR 29)
        Features.Outbound.OutboundSetup.AddOutbound(services, builder.Configuration);
        services.AddChineseProblemDetails();
        services.Configure<JsonOptions>(o => Configure(o.SerializerOptions));
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(o => Configure(o.JsonSerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = MaxBodyBytes);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = MaxBodyBytes;
            k.AddServerHeader = false; // no "Server: Kestrel" banner
        });
        OpenApi.OpenApiSetup.AddElderCareOpenApi(services); // openapi: schema names, operationIds, security, errors (ADR 29)
        services.AddRazorPages(o => o.RootDirectory = "/Features")
            .AddMvcOptions(o => o.Filters.Add(new Features.Audit.AuditPageOutcome()));
        // Chinese text is written as is, not as &#x…; entities (pages were several times larger).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "eldercare.af";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.HeaderName = Auth.ApiAntiforgery.HeaderName; // cookie-authenticated API writes (ApiAntiforgery)
        });
    }

    public static void Configure(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
    }

    public static void UseElderCare(this WebApplication app)
    {
        app.UseTrustedProxies(); // ADR 32: the client's address behind nginx, believed only from Proxy:KnownProxies
        // First, so error responses keep the headers too (HSTS included, which UseHsts lost on an exception).
        app.UseSecurityHeaders(app.Configuration["Map:TileOrigin"],
            hsts: !app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Testing"));
        app.UseExceptionHandler();
        app.UseStatusCodePages(WriteStatusPage);
        app.UseStaticAssets();
        app.Use(DatabaseGuard.RefuseWritesToLostDatabase); // ADR 16: no write is acknowledged into a deleted or replaced file
        app.UseRouting();
        app.Use(RejectLargeBodies); // after routing: an endpoint may allow more (the elder import, 50 MB)
        app.UseElderCareAccess();
        app.UseRateLimiter(); // the public map: a request budget per address (PublicRateLimit)
        app.UseAntiforgery();
        app.UseOutputCache(); // after sign-in and the role checks: only the OpenAPI document is cached (DocumentCache)
        app.MapOpenApi().CacheOutput(new OpenApi.DocumentCache());
        // The reference page is middleware, not an endpoint: the fallback policy already sends the anonymous to sign in;
        // the role check (Roles.ReadApiDocs) is made here.
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/api-docs"), docs => docs.Use(async (http, next) =>
        {
            if (Features.Access.Roles.Allows(http.User, Features.Access.Roles.Policies.ReadApiDocs)) await next();
            else http.Response.StatusCode = StatusCodes.Status403Forbidden;
        }));
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "api-docs";
            o.SwaggerEndpoint("/openapi/v1.json", "ElderCare API v1");
            o.DocumentTitle = "ElderCare API 参考";
        });
    }

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/openapi");

    /// <summary>Empty error responses: ProblemDetails for the API, a short Chinese page for people.</summary>
    private static async Task WriteStatusPage(StatusCodeContext ctx)
    {
        var http = ctx.HttpContext;
        var status = http.Response.StatusCode;
        if (IsApi(http.Request))
        {
            await http.RequestServices.GetRequiredService<IProblemDetailsService>()
                .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = ProblemDetailsSetup.ForStatus(http, status) });
            return;
        }
        await ErrorPage.WriteAsync(http, status);
    }

    /// <summary>413 before reading a declared body over the limit (Kestrel enforces the same for streamed bodies);
    /// the limit is 1 MB unless the endpoint declares its own (IRequestSizeLimitMetadata).</summary>
    private static async Task RejectLargeBodies(HttpContext http, Func<Task> next)
    {
        var limit = http.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()
            ?.MaxRequestBodySize ?? MaxBodyBytes;
        if (http.Request.ContentLength > limit)
            throw new BadHttpRequestException("请求内容过大", StatusCodes.Status413PayloadTooLarge);
        await next();
    }

    /// <summary>
    /// <c>/health/live</c>: the process answers (a load balancer restarts it otherwise); <c>/health/ready</c> and its old name
    /// <c>/health</c>: the database is reachable, migrated and still the one the node started on, and Redis is connected when
    /// configured — only then does a load
    /// balancer send it traffic (ADR 32).
    /// </summary>
    public static void MapHealth(this WebApplication app)
    {
        app.MapGet("/health/live", () => TypedResults.Ok(new HealthStatus("ok")))
            .AllowAnonymous()
            .WithTags("运维").WithSummary("存活检查：进程在运行即返回 200（不访问数据库）");
        foreach (var path in new[] { "/health", "/health/ready" })
            app.MapGet(path, async (AppDbContext db, DatabaseWatch watch, DatabaseState state, HttpContext http, CancellationToken ct) =>
                    await watch.ProblemAsync() is { } lost
                        ? Results.Problem(title: "数据库不可用", detail: lost, statusCode: 503)
                        : !await state.IsReadyAsync(db, ct)
                            ? Results.Problem(detail: "数据库尚未迁移，请先运行 migrate 命令。", statusCode: 503)
                            : http.RequestServices.GetService<Cluster.RedisConnection>() is { IsConnected: false }
                                ? Results.Problem(title: "Redis 不可用", detail: "已配置 Redis:Configuration，但连接不上 Redis。", statusCode: 503)
                                : Results.Ok(new HealthStatus("ok")))
                .AllowAnonymous()
                .Produces<HealthStatus>() // openapi: the body of the 200
                .WithTags("运维").WithSummary("就绪检查：数据库可访问、已迁移、且仍是启动时的那个数据库时返回 200，否则 503");
    }

    /// <summary>The body of a healthy /health: <c>{"status":"ok"}</c>.</summary>
    public sealed record HealthStatus(string Status);

    /// <summary>
    /// At start: refuse to run without the web files or on a missing database (exit 3, ADR 16), migrate (SQLite by
    /// default, PostgreSQL only when asked), load the reference data and remember the database's identity.
    /// Returns the exit code when the start is refused.
    /// </summary>
    public static async Task<int?> PrepareDatabaseAsync(this WebApplication app)
    {
        if (StartChecks.MissingWebRoot(app.Environment) is { } noWebRoot) return StartChecks.Refuse(noWebRoot);
        var options = app.Services.GetRequiredService<DatabaseOptions>();
        var file = app.Services.GetRequiredService<DatabaseFile>();
        using var scope = app.Services.CreateScope();
        var log = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("ElderCare");
        if (StartChecks.MissingDatabase(file, options.CreateIfMissing) is { } missing) return StartChecks.Refuse(missing);
        if (file.Path is not null && Database.CreateSqliteFile(file.ConnectionString))
            log.LogWarning("已按 Database:CreateIfMissing 新建空数据库 {Path}", file.Path);
        var migrate = options.MigrateOnStart ?? options.Provider == DatabaseProvider.Sqlite;
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        string? firstLogin = null;
        try
        {
            if (migrate)
            {
                await Database.MigrateAsync(db);
                await Data.Seed.RongchangSeed.RunAsync(db);
            }
            if (await app.Services.GetRequiredService<DatabaseState>().IsReadyAsync(db, default))
            {
                app.Services.GetRequiredService<DatabaseWatch>().Remember(
                    await DatabaseIdentity.ReadAsync(db, default) ?? await DatabaseIdentity.EnsureAsync(db, default));
                var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
                firstLogin = await BootstrapAdmin.RunAsync(db, users, app.Services.GetRequiredService<TimeProvider>(),
                    app.Configuration["ELDERCARE_ADMIN_PASSWORD"], default);
            }
            else
                log.LogWarning("数据库尚未迁移：请运行 `dotnet run --project src/ElderCare.Web -- migrate`。/health 将返回 503。");
        }
        catch (Exception e) when (Errors.DatabaseUnavailable.Is(e))
        {
            return StartChecks.Refuse($"启动时无法访问数据库（{file.Path ?? "PostgreSQL"}）：{e.Message}");
        }

        if (app.Environment.IsEnvironment("Testing")) return null;
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var urls = string.Join(", ", app.Urls);
            Console.WriteLine($"ElderCare 已启动：{urls}（数据库：{options.Provider}）");
            if (firstLogin is not null)
                Console.WriteLine($"首次登录：用户名 {BootstrapAdmin.UserName}，密码 {firstLogin}。登录后须修改密码并绑定双因素认证（只显示这一次）。");
        });
        return null;
    }
}
