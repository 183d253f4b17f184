using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Facilities;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ElderCare.Tests.Access;

/// <summary>
/// QUALITY.md S5: every endpoint of the app is in this matrix (the test fails when one is missing), and for every role
/// the allowed ones answer, the forbidden ones answer 403, and objects outside a scoped role's street or town or
/// facilities answer 404. The expectations are written out here, not read from the app's own policies.
/// </summary>
public partial class AuthorizationMatrixTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly Role[] AllRoles = Enum.GetValues<Role>();
    private static readonly Role[] Everyone = AllRoles;
    private static readonly Role[] Admin = [Role.DistrictAdmin];
    private static readonly Role[] Auditor = [Role.Auditor];
    private static readonly Role[] ReadFacilities = [Role.DistrictAdmin, Role.DistrictStaff, Role.TownOfficer, Role.Operator, Role.Evaluator];
    private static readonly Role[] WriteFacilities = [Role.DistrictAdmin, Role.DistrictStaff, Role.TownOfficer];
    private static readonly Role[] ReadRegions = ReadFacilities;
    private static readonly Role[] WriteRegions = WriteFacilities;
    private static readonly Role[] ReadPlan = [Role.DistrictAdmin, Role.DistrictStaff, Role.TownOfficer, Role.Evaluator];
    private static readonly Role[] WritePlan = [Role.DistrictAdmin, Role.DistrictStaff];
    private static readonly Role[] ReadCoverage = ReadPlan;
    private static readonly Role[] ReadElders = ReadFacilities;
    private static readonly Role[] WriteElders = WriteFacilities;
    private static readonly Role[] AssessElders = [Role.DistrictAdmin, Role.DistrictStaff, Role.TownOfficer, Role.Evaluator];
    private static readonly Role[] ReadMeals = [Role.DistrictAdmin, Role.DistrictStaff, Role.TownOfficer, Role.Operator, Role.Evaluator];
    private static readonly Role[] WriteMeals = [Role.DistrictAdmin, Role.DistrictStaff, Role.TownOfficer, Role.Operator];
    private static readonly Role[] ManageMealSites = [Role.DistrictAdmin, Role.DistrictStaff, Role.TownOfficer];
    private static readonly Role[] WriteMealRates = [Role.DistrictAdmin, Role.DistrictStaff];
    private static readonly Role[] HandleAlarms = [Role.DistrictAdmin, Role.DistrictStaff, Role.TownOfficer, Role.Operator];
    private static readonly Role[] AlarmReports = [Role.DistrictAdmin, Role.DistrictStaff, Role.TownOfficer, Role.Evaluator];
    private static readonly Role[] ReadServices = [Role.DistrictAdmin, Role.DistrictStaff, Role.TownOfficer, Role.Operator, Role.Caregiver,
        Role.Evaluator];
    private static readonly Role[] WriteOrders = [Role.DistrictAdmin, Role.DistrictStaff, Role.TownOfficer, Role.Operator];
    private static readonly Role[] DeliverVisits = [Role.Caregiver, Role.Operator];
    private static readonly Role[] ManageWorkers = WriteOrders;
    private static readonly Role[] ManageProviders = WriteFacilities;
    private static readonly Role[] EditCatalogue = WritePlan;
    private static readonly Role[] ReviewVisits = [Role.DistrictAdmin, Role.DistrictStaff, Role.TownOfficer];
    private static readonly Role[] ReadFamilyBeds = ReadFacilities;
    private static readonly Role[] WriteFamilyBeds = WriteFacilities;
    private static readonly Role[] ReadMealBilling = [Role.DistrictAdmin, Role.DistrictStaff, Role.TownOfficer, Role.Operator];
    // Supervision (三(一))
    private static readonly Role[] ReadSupervision = [Role.DistrictAdmin, Role.DistrictStaff, Role.TownOfficer, Role.Operator, Role.Evaluator,
        Role.Auditor];
    private static readonly Role[] InspectFacilities = [Role.DistrictAdmin, Role.DistrictStaff, Role.Evaluator];
    private const string ElderAId = "500153194303030026"; // in 昌元街道
    private const string ElderBId = "500153194606060038"; // in 盘龙镇

    /// <summary>
    /// The sample objects: A lies in 昌元街道 (the officer's unit; the operator runs facility A, a street centre there, so
    /// it serves ElderA, ADR 0013), B in 盘龙镇 (ElderB is out of every scoped role's scope).
    /// </summary>
    public sealed record World(Guid FacilityA, Guid FacilityB, Guid Victim, Guid ElderA, Guid ElderB, Guid AlarmA, Guid AlarmB, Guid OrderA,
        Guid OrderB, Guid Item)
    {
        public MealWorld Meals { get; init; } = null!;
        public ServiceWorld Services { get; init; } = null!;
    }

    /// <summary>Providers and workers: A's on facility A (昌元街道), B's on facility B (盘龙镇).</summary>
    public sealed record ServiceWorld(Guid ProviderA, Guid ProviderB, Guid WorkerA, Guid WorkerB);

    /// <summary>助餐 objects: A's kitchen and dining point run by facility A in 昌元街道, B's by facility B in 盘龙镇.</summary>
    public sealed record MealWorld(Guid KitchenA, Guid KitchenB, Guid PointA, Guid PointB, Guid OrderA, Guid OrderB, Guid BatchA, Guid BatchB);

    /// <summary>One row: who may call it, a request in scope, and (for object routes) a request for an object outside scope.</summary>
    public sealed record Row(string Key, Role[]? Allowed, Func<World, string> Path, object? Body = null, Func<World, string>? OutOfScope = null)
    {
        /// <summary>Allowed = [] and a device key route: no user session is enough (401 for everyone without the key).</summary>
        public bool DeviceKeyOnly => Key == "POST /api/devices/heartbeat";

        public bool IsPage => Key.StartsWith("PAGE ", StringComparison.Ordinal);
        public string Method => IsPage ? "GET" : Key[..Key.IndexOf(' ', StringComparison.Ordinal)];
    }

    private static readonly object FacilityBody = new { name = "矩阵测试站", type = "community-station", regionCode = Make.Changyuan,
        operationMode = "private", floorArea = 300 };

    /// <summary>Allowed = null: anonymous (no sign-in needed).</summary>
    public static readonly Row[] Matrix =
    [
        new("GET /health", null, _ => "/health"),
        new("GET /health/live", null, _ => "/health/live"),
        new("GET /health/ready", null, _ => "/health/ready"),
        new("GET /openapi/{documentName}.json", Everyone, _ => "/openapi/v1.json"),
        new("POST /api/auth/token", null, _ => "/api/auth/token", new { userName = "nobody", password = "x" }),
        new("POST /api/auth/logout", Everyone, _ => "/api/auth/logout"),
        // Integrations (clients): without a session, user name and current password change an initial password (ADR 29).
        new("POST /api/auth/password", null, _ => "/api/auth/password", new { currentPassword = "wrong", newPassword = "x" }),
        new("GET /api/auth/me", Everyone, _ => "/api/auth/me"),
        new("GET /api/users/", Admin, _ => "/api/users"),
        new("POST /api/users/", Admin, _ => "/api/users", new { userName = "" }),
        new("PUT /api/users/{id:guid}", Admin, w => $"/api/users/{w.Victim}", new { role = "evaluator" }),
        new("POST /api/users/{id:guid}/disable", Admin, w => $"/api/users/{Guid.Empty}/disable"),
        new("POST /api/users/{id:guid}/enable", Admin, w => $"/api/users/{w.Victim}/enable"),
        new("POST /api/users/{id:guid}/reset-password", Admin, w => $"/api/users/{Guid.Empty}/reset-password", new { password = "" }),
        // Unmasking needs the unmask permission (with two-factor) on top of the role, so no role alone is enough;
        // UsersApiTests covers the permitted path.
        new("POST /api/users/{id:guid}/unmask", [], w => $"/api/users/{w.Victim}/unmask", new { reason = "" }),
        new("GET /api/audit/", Auditor, _ => "/api/audit"),
        new("GET /api/audit/export.xlsx", Auditor, _ => "/api/audit/export.xlsx"),
        new("GET /api/audit/verify", Auditor, _ => "/api/audit/verify"),
        new("GET /api/regions/", ReadRegions, _ => "/api/regions"),
        new("POST /api/regions/", WriteRegions, _ => "/api/regions", new { code = "", name = "" }),
        new("PUT /api/regions/{code}", WriteRegions, _ => $"/api/regions/{Make.Changyuan}", new { villageCount = 2 },
            _ => $"/api/regions/{Make.Panlong}"),
        new("POST /api/regions/{code}/code", WritePlan, _ => $"/api/regions/{Make.Changyuan}/code", new { newCode = "" }),
        new("GET /api/regions/import/template", ReadRegions, _ => "/api/regions/import/template"),
        new("POST /api/regions/import", WriteRegions, _ => "/api/regions/import", "multipart"),
        new("GET /api/facilities/", ReadFacilities, _ => "/api/facilities"),
        new("POST /api/facilities/", WriteFacilities, _ => "/api/facilities", FacilityBody),
        new("GET /api/facilities/{id:guid}", ReadFacilities, w => $"/api/facilities/{w.FacilityA}", null, w => $"/api/facilities/{w.FacilityB}"),
        new("PUT /api/facilities/{id:guid}", WriteFacilities, w => $"/api/facilities/{w.FacilityA}", FacilityBody,
            w => $"/api/facilities/{w.FacilityB}"),
        new("GET /api/facilities/import/template", ReadFacilities, _ => "/api/facilities/import/template"),
        new("POST /api/facilities/import", WriteFacilities, _ => "/api/facilities/import", "multipart"),
        new("GET /api/facilities/{id:guid}/compliance", ReadFacilities, w => $"/api/facilities/{w.FacilityA}/compliance", null,
            w => $"/api/facilities/{w.FacilityB}/compliance"),
        new("GET /api/plan/", ReadPlan, _ => "/api/plan"),
        new("GET /api/plan/export.xlsx", ReadPlan, _ => "/api/plan/export.xlsx"),
        new("GET /api/plan/totals", ReadPlan, _ => "/api/plan/totals"),
        new("GET /api/priority-rules/", ReadElders, _ => "/api/priority-rules"),
        new("PUT /api/priority-rules/{group}", WritePlan, _ => "/api/priority-rules/disabled",
            new { name = "残疾", effectiveFrom = "2030-01-01", categories = new[] { "disabled" } }),
        new("POST /api/plan/import", WritePlan, _ => "/api/plan/import", "multipart"),
        new("GET /api/coverage", ReadCoverage, _ => $"/api/coverage?regionCode={Make.Changyuan}", null, _ =>
            $"/api/coverage?regionCode={Make.Panlong}"),
        new("GET /api/coverage/export.xlsx", ReadCoverage, _ => "/api/coverage/export.xlsx"),
        new("GET /api/kpis", ReadCoverage, _ => "/api/kpis"),
        new("GET /api/elders/", ReadElders, _ => "/api/elders"),
        new("POST /api/elders/", WriteElders, _ => "/api/elders", new { name = "" }),
        new("POST /api/elders/lookup", ReadElders, _ => "/api/elders/lookup", new { idNumber = ElderAId }), // out of scope: EldersApiTests
        new("GET /api/elders/{id:guid}", ReadElders, w => $"/api/elders/{w.ElderA}", null, w => $"/api/elders/{w.ElderB}"),
        new("PUT /api/elders/{id:guid}", WriteElders, w => $"/api/elders/{w.ElderA}", new { name = "" }, w => $"/api/elders/{w.ElderB}"),
        new("POST /api/elders/{id:guid}/unmask", [], w => $"/api/elders/{w.ElderA}/unmask", new { field = "phone", reason = "" }),
        new("GET /api/elders/priority", ReadElders, _ => "/api/elders/priority"),
        new("GET /api/elders/statistics", ReadCoverage, _ => "/api/elders/statistics"),
        new("POST /api/elders/{id:guid}/condition-change", WriteElders, w => $"/api/elders/{w.ElderA}/condition-change", new { on = "2099-01-01" },
            w => $"/api/elders/{w.ElderB}/condition-change"),
        new("GET /api/elders/import/template.xlsx", ReadElders, _ => "/api/elders/import/template.xlsx"),
        new("POST /api/elders/import/", WriteElders, _ => "/api/elders/import", "multipart"),
        new("GET /api/elders/import/errors/{token}.xlsx", WriteElders, _ => "/api/elders/import/errors/00000000000000000000000000000000.xlsx"),
        new("PAGE /elders/import", WriteElders, _ => "/elders/import"),
        new("POST /api/elders/{id:guid}/barthel", AssessElders, w => $"/api/elders/{w.ElderA}/barthel", new { items = new { } },
            w => $"/api/elders/{w.ElderB}/barthel"),
        new("POST /api/elders/{id:guid}/self-care", AssessElders, w => $"/api/elders/{w.ElderA}/self-care", new { notAchieved = new[] { "eating" } },
            w => $"/api/elders/{w.ElderB}/self-care"),
        new("GET /api/elders/{id:guid}/secondary-assessments", ReadElders, w => $"/api/elders/{w.ElderA}/secondary-assessments", null,
            w => $"/api/elders/{w.ElderB}/secondary-assessments"),
        new("GET /api/elders/{id:guid}/assessments/", ReadElders, w => $"/api/elders/{w.ElderA}/assessments", null,
            w => $"/api/elders/{w.ElderB}/assessments"),
        new("POST /api/elders/{id:guid}/assessments/", AssessElders, w => $"/api/elders/{w.ElderA}/assessments", new { items = new { } },
            w => $"/api/elders/{w.ElderB}/assessments"),
        new("GET /api/meals/kitchens", ReadMeals, _ => "/api/meals/kitchens"),
        new("POST /api/meals/kitchens", ManageMealSites, _ => "/api/meals/kitchens", new { name = "" }),
        new("GET /api/meals/kitchens/{id:guid}", ReadMeals, w => $"/api/meals/kitchens/{w.Meals.KitchenA}", null, w =>
            $"/api/meals/kitchens/{w.Meals.KitchenB}"),
        new("PUT /api/meals/kitchens/{id:guid}", ManageMealSites, w => $"/api/meals/kitchens/{w.Meals.KitchenA}", new { name = "" },
            w => $"/api/meals/kitchens/{w.Meals.KitchenB}"),
        new("GET /api/meals/kitchens/{id:guid}/production", ReadMeals, w => $"/api/meals/kitchens/{w.Meals.KitchenA}/production", null,
            w => $"/api/meals/kitchens/{w.Meals.KitchenB}/production"),
        new("GET /api/meals/kitchens/{id:guid}/production.xlsx", ReadMeals, w => $"/api/meals/kitchens/{w.Meals.KitchenA}/production.xlsx", null,
            w => $"/api/meals/kitchens/{w.Meals.KitchenB}/production.xlsx"),
        new("GET /api/meals/dining-points", ReadMeals, _ => "/api/meals/dining-points"),
        new("POST /api/meals/dining-points", ManageMealSites, _ => "/api/meals/dining-points", new { name = "" }),
        new("GET /api/meals/dining-points/{id:guid}", ReadMeals, w => $"/api/meals/dining-points/{w.Meals.PointA}", null,
            w => $"/api/meals/dining-points/{w.Meals.PointB}"),
        new("PUT /api/meals/dining-points/{id:guid}", ManageMealSites, w => $"/api/meals/dining-points/{w.Meals.PointA}", new { name = "" },
            w => $"/api/meals/dining-points/{w.Meals.PointB}"),
        new("GET /api/meals/dining-points/{id:guid}/route-sheet", ReadMeals, w => $"/api/meals/dining-points/{w.Meals.PointA}/route-sheet", null,
            w => $"/api/meals/dining-points/{w.Meals.PointB}/route-sheet"),
        new("GET /api/meals/dining-points/{id:guid}/route-sheet.xlsx", ReadMeals, w =>
            $"/api/meals/dining-points/{w.Meals.PointA}/route-sheet.xlsx", null,
            w => $"/api/meals/dining-points/{w.Meals.PointB}/route-sheet.xlsx"),
        new("GET /api/meals/menus", ReadMeals, _ => "/api/meals/menus"),
        new("POST /api/meals/menus", WriteMeals, _ => "/api/meals/menus", new { sets = Array.Empty<object>() }),
        new("GET /api/meals/profiles/{elderId:guid}", ReadMeals, w => $"/api/meals/profiles/{w.ElderA}", null,
            w => $"/api/meals/profiles/{w.ElderB}"),
        new("PUT /api/meals/profiles/{elderId:guid}", WriteMeals, w => $"/api/meals/profiles/{w.ElderA}", new { diets = Array.Empty<string>() },
            w => $"/api/meals/profiles/{w.ElderB}"),
        new("GET /api/meals/orders", ReadMeals, _ => "/api/meals/orders"),
        new("POST /api/meals/orders", WriteMeals, _ => "/api/meals/orders", new { meal = "lunch" }),
        new("GET /api/meals/orders/{id:guid}", ReadMeals, w => $"/api/meals/orders/{w.Meals.OrderA}", null,
            w => $"/api/meals/orders/{w.Meals.OrderB}"),
        // The first allowed role checks the elder in; the others then get 409 (already served), never 401/403.
        new("POST /api/meals/orders/{id:guid}/check-in", WriteMeals, w => $"/api/meals/orders/{w.Meals.OrderA}/check-in", null,
            w => $"/api/meals/orders/{w.Meals.OrderB}/check-in"),
        new("POST /api/meals/orders/{id:guid}/delivery", WriteMeals, w => $"/api/meals/orders/{w.Meals.OrderA}/delivery", null,
            w => $"/api/meals/orders/{w.Meals.OrderB}/delivery"),
        new("POST /api/meals/orders/{id:guid}/cancel", WriteMeals, w => $"/api/meals/orders/{w.Meals.OrderA}/cancel", null,
            w => $"/api/meals/orders/{w.Meals.OrderB}/cancel"),
        new("POST /api/meals/batches", WriteMeals, _ => "/api/meals/batches", new { meal = "lunch" }),
        new("POST /api/meals/batches/{id:guid}/sample", WriteMeals, w => $"/api/meals/batches/{w.Meals.BatchA}/sample", null,
            w => $"/api/meals/batches/{w.Meals.BatchB}/sample"),
        new("POST /api/meals/batches/{id:guid}/disposal", WriteMeals, w => $"/api/meals/batches/{w.Meals.BatchA}/disposal", null,
            w => $"/api/meals/batches/{w.Meals.BatchB}/disposal"),
        new("GET /api/meals/samples", ReadMeals, _ => "/api/meals/samples"),
        new("GET /api/meals/billing", ReadMealBilling, w => $"/api/meals/billing?diningPointId={w.Meals.PointA}", null,
            w => $"/api/meals/billing?diningPointId={w.Meals.PointB}"),
        new("GET /api/meals/billing.xlsx", ReadMealBilling, w => $"/api/meals/billing.xlsx?diningPointId={w.Meals.PointA}", null,
            w => $"/api/meals/billing.xlsx?diningPointId={w.Meals.PointB}"),
        new("GET /api/meals/subsidy-rates", ReadMeals, _ => "/api/meals/subsidy-rates"),
        new("POST /api/meals/subsidy-rates", WriteMealRates, _ => "/api/meals/subsidy-rates", new { group = "elder" }),
        new("POST /api/meals/subsidy-rates/{id:guid}/confirm", WriteMealRates, _ => $"/api/meals/subsidy-rates/{Guid.Empty}/confirm",
            new { source = "" }),
        new("POST /api/devices/", HandleAlarms, _ => "/api/devices", new { serial = "" }),
        new("GET /api/devices/", HandleAlarms, _ => "/api/devices"),
        new("POST /api/devices/heartbeat", [], _ => "/api/devices/heartbeat"),
        // A device key or a staff session of the duty roles; without an Idempotency-Key the allowed roles get 400.
        new("POST /api/alarms/", HandleAlarms, _ => "/api/alarms", new { kind = "sos" }),
        new("GET /api/alarms/", HandleAlarms, _ => "/api/alarms?open=true"),
        new("GET /api/alarms/{id:guid}", HandleAlarms, w => $"/api/alarms/{w.AlarmA}", null, w => $"/api/alarms/{w.AlarmB}"),
        new("POST /api/alarms/{id:guid}/acknowledge", HandleAlarms, w => $"/api/alarms/{w.AlarmA}/acknowledge", null,
            w => $"/api/alarms/{w.AlarmB}/acknowledge"),
        new("POST /api/alarms/{id:guid}/dispatch", HandleAlarms, w => $"/api/alarms/{w.AlarmA}/dispatch", null,
            w => $"/api/alarms/{w.AlarmB}/dispatch"),
        new("POST /api/alarms/{id:guid}/on-site", HandleAlarms, w => $"/api/alarms/{w.AlarmA}/on-site", null, w => $"/api/alarms/{w.AlarmB}/on-site"),
        new("POST /api/alarms/{id:guid}/resolve", HandleAlarms, w => $"/api/alarms/{w.AlarmA}/resolve", null, w => $"/api/alarms/{w.AlarmB}/resolve"),
        new("GET /api/alarms/report", AlarmReports, _ => "/api/alarms/report"),
        new("GET /api/alarms/report/export.xlsx", AlarmReports, _ => "/api/alarms/report/export.xlsx"),
        // The SignalR hub (no method metadata, so listed like pages): the console's live channel, same roles and cookie.
        new("PAGE /hubs/alarms", HandleAlarms, _ => "/hubs/alarms"),
        new("PAGE /hubs/alarms/negotiate", HandleAlarms, _ => "/hubs/alarms/negotiate?negotiateVersion=1"),

        // Services. OrderA: an elder of 昌元街道 sent to FacilityA's provider; OrderB: 盘龙镇, no provider.
        // A caregiver's scope is own orders: the matrix caregiver has no worker, so object routes answer 404 to it.
        new("GET /api/service-items/", ReadServices, _ => "/api/service-items"),
        new("PUT /api/service-items/{id:guid}", EditCatalogue, w => $"/api/service-items/{w.Item}", new { priceFen = -1 }),
        new("POST /api/service-items/{id:guid}/confirm", EditCatalogue, w => $"/api/service-items/{w.Item}/confirm", new { source = "" }),
        new("GET /api/providers/", ReadServices, _ => "/api/providers"),
        new("POST /api/providers/", ManageProviders, _ => "/api/providers", new { name = "" }),
        new("PUT /api/providers/{id:guid}", ManageProviders, w => $"/api/providers/{w.Services.ProviderA}", new { name = "" }, w =>
            $"/api/providers/{w.Services.ProviderB}"),
        new("GET /api/workers/", ReadServices, _ => "/api/workers"),
        new("PUT /api/workers/{id:guid}", ManageWorkers, w => $"/api/workers/{w.Services.WorkerA}", new { name = "" },
            w => $"/api/workers/{w.Services.WorkerB}"),
        new("POST /api/workers/", ManageWorkers, _ => "/api/workers", new { name = "" }),
        new("GET /api/orders/", ReadServices, _ => "/api/orders"),
        new("GET /api/orders/report", ReadServices, _ => "/api/orders/report"),
        new("POST /api/orders/quote", WriteOrders, _ => "/api/orders/quote", new { }),
        new("POST /api/orders/", WriteOrders, _ => "/api/orders", new { }),
        new("GET /api/orders/{id:guid}", ReadServices, w => $"/api/orders/{w.OrderA}", null, w => $"/api/orders/{w.OrderB}"),
        new("GET /api/orders/{id:guid}/suggestions", WriteOrders, w => $"/api/orders/{w.OrderA}/suggestions", null,
            w => $"/api/orders/{w.OrderB}/suggestions"),
        new("POST /api/orders/{id:guid}/assign", WriteOrders, w => $"/api/orders/{w.OrderA}/assign", new { }, w => $"/api/orders/{w.OrderB}/assign"),
        new("POST /api/orders/{id:guid}/check-in", DeliverVisits, w => $"/api/orders/{w.OrderA}/check-in", new { },
            w => $"/api/orders/{w.OrderB}/check-in"),
        new("POST /api/orders/{id:guid}/check-out", DeliverVisits, w => $"/api/orders/{w.OrderA}/check-out", new { },
            w => $"/api/orders/{w.OrderB}/check-out"),
        new("POST /api/orders/{id:guid}/confirm", DeliverVisits, w => $"/api/orders/{w.OrderA}/confirm", new { },
            w => $"/api/orders/{w.OrderB}/confirm"),
        new("GET /api/orders/{id:guid}/confirmation-code", WriteOrders, w => $"/api/orders/{w.OrderA}/confirmation-code", null,
            w => $"/api/orders/{w.OrderB}/confirmation-code"),
        new("POST /api/orders/{id:guid}/rating", WriteOrders, w => $"/api/orders/{w.OrderA}/rating", new { }, w => $"/api/orders/{w.OrderB}/rating"),
        new("POST /api/orders/{id:guid}/cancel", WriteOrders, w => $"/api/orders/{w.OrderA}/cancel", new { }, w => $"/api/orders/{w.OrderB}/cancel"),
        new("POST /api/orders/{id:guid}/review", ReviewVisits, w => $"/api/orders/{w.OrderA}/review", new { }, w => $"/api/orders/{w.OrderB}/review"),
        new("POST /api/orders/{id:guid}/missed", WriteOrders, w => $"/api/orders/{w.OrderA}/missed", new { }, w => $"/api/orders/{w.OrderB}/missed"),
        new("POST /api/orders/{id:guid}/complaints", WriteOrders, w => $"/api/orders/{w.OrderA}/complaints", new { },
            w => $"/api/orders/{w.OrderB}/complaints"),
        new("GET /api/complaints/", WriteOrders, _ => "/api/complaints"),
        new("POST /api/complaints/{id:guid}/resolve", WriteOrders, _ => $"/api/complaints/{Guid.Empty}/resolve", new { }),
        new("GET /api/follow-ups/", WriteOrders, _ => "/api/follow-ups"),
        new("POST /api/follow-ups/{id:guid}", WriteOrders, _ => $"/api/follow-ups/{Guid.Empty}", new { }),
        new("GET /api/family-beds/", ReadFamilyBeds, _ => "/api/family-beds"),
        new("GET /api/family-beds/statistics", ReadFamilyBeds, _ => "/api/family-beds/statistics"),
        new("POST /api/family-beds/", WriteFamilyBeds, _ => "/api/family-beds", new { }),
        new("POST /api/family-beds/{id:guid}/schedule", WriteFamilyBeds, _ => $"/api/family-beds/{Guid.Empty}/schedule"),

        // Pages: anonymous visitors are sent to sign in; a signed-in role without the right answers 403.
        new("PAGE /account/login", null, _ => "/account/login"),
        new("PAGE /account/two-factor", null, _ => "/account/two-factor"),
        new("PAGE /account/logout", null, _ => "/account/logout"),
        new("PAGE /account", Everyone, _ => "/account"),
        new("PAGE /account/denied", Everyone, _ => "/account/denied"),
        new("PAGE /", Everyone, _ => "/"), // roles that do not read coverage are sent to their own start page
        new("PAGE /dashboard/unit/{code}", ReadCoverage, _ => $"/dashboard/unit/{Make.Changyuan}", null, _ => $"/dashboard/unit/{Make.Panlong}"),
        new("PAGE /facilities", ReadFacilities, _ => "/facilities"),
        new("PAGE /facilities/{id:guid}", ReadFacilities, w => $"/facilities/{w.FacilityA}", null, w => $"/facilities/{w.FacilityB}"),
        new("PAGE /facilities/{id:guid}/edit", WriteFacilities, w => $"/facilities/{w.FacilityA}/edit", null, w => $"/facilities/{w.FacilityB}/edit"),
        new("PAGE /facilities/new", WriteFacilities, _ => "/facilities/new"),
        new("PAGE /facilities/import", WriteFacilities, _ => "/facilities/import"),
        new("PAGE /regions", ReadRegions, _ => "/regions"),
        new("PAGE /regions/import", WriteRegions, _ => "/regions/import"),
        new("PAGE /regions/{code}/edit", WriteRegions, _ => $"/regions/{Make.Changyuan}/edit", null, _ => $"/regions/{Make.Panlong}/edit"),
        new("PAGE /plan", ReadPlan, _ => "/plan"),
        new("PAGE /users", Admin, _ => "/users"),
        new("PAGE /users/{id:guid}/edit", Admin, w => $"/users/{w.Victim}/edit"),
        new("PAGE /users/{id:guid}/disable", Admin, w => $"/users/{w.Victim}/disable"),
        new("PAGE /users/{id:guid}/reset-password", Admin, w => $"/users/{w.Victim}/reset-password"),
        new("PAGE /users/{id:guid}/unmask", [], w => $"/users/{w.Victim}/unmask"), // needs the unmask permission too
        new("PAGE /audit", Auditor, _ => "/audit"),
        new("PAGE /alarms", HandleAlarms, _ => "/alarms"),
        new("PAGE /alarms/report", AlarmReports, _ => "/alarms/report"),
        new("PAGE /devices", HandleAlarms, _ => "/devices"),
        new("PAGE /elders", ReadElders, _ => "/elders"),
        new("PAGE /elders/priority", ReadElders, _ => "/elders/priority"),
        new("PAGE /elders/priority-rules", ReadElders, _ => "/elders/priority-rules"),
        new("PAGE /elders/new", WriteElders, _ => "/elders/new"),
        new("PAGE /elders/{id:guid}", ReadElders, w => $"/elders/{w.ElderA}", null, w => $"/elders/{w.ElderB}"),
        new("PAGE /elders/{id:guid}/edit", WriteElders, w => $"/elders/{w.ElderA}/edit", null, w => $"/elders/{w.ElderB}/edit"),
        new("PAGE /elders/{id:guid}/unmask", [], w => $"/elders/{w.ElderA}/unmask"), // needs the unmask permission too
        new("PAGE /elders/{id:guid}/{instrument}/new", AssessElders, w => $"/elders/{w.ElderA}/barthel/new", null,
            w => $"/elders/{w.ElderB}/barthel/new"),
        new("PAGE /elders/{id:guid}/assessments/new", AssessElders, w => $"/elders/{w.ElderA}/assessments/new", null,
            w => $"/elders/{w.ElderB}/assessments/new"),
        new("PAGE /orders", ReadServices, _ => "/orders"),
        new("PAGE /orders/new", WriteOrders, _ => "/orders/new"),
        new("PAGE /orders/report", ReadServices, _ => "/orders/report"),
        new("PAGE /orders/{id:guid}", ReadServices, w => $"/orders/{w.OrderA}", null, w => $"/orders/{w.OrderB}"),
        new("PAGE /workers", ReadServices, _ => "/workers"),
        new("PAGE /providers", ReadServices, _ => "/providers"),
        new("PAGE /workers/new", ManageWorkers, _ => "/workers/new"),
        new("PAGE /workers/{id:guid}/edit", ManageWorkers, w => $"/workers/{w.Services.WorkerA}/edit", null,
            w => $"/workers/{w.Services.WorkerB}/edit"),
        new("PAGE /providers/{id:guid}/edit", ManageProviders, w => $"/providers/{w.Services.ProviderA}/edit", null, w =>
            $"/providers/{w.Services.ProviderB}/edit"),
        new("PAGE /service-items", ReadServices, _ => "/service-items"),
        new("PAGE /service-items/{id:guid}/edit", EditCatalogue, w => $"/service-items/{w.Item}/edit"),
        new("PAGE /complaints", WriteOrders, _ => "/complaints"),
        new("PAGE /follow-ups", WriteOrders, _ => "/follow-ups"),
        new("PAGE /family-beds", ReadFamilyBeds, _ => "/family-beds"),
        new("PAGE /family-beds/new", WriteFamilyBeds, _ => "/family-beds/new"),
        new("PAGE /caregiver", DeliverVisits, _ => "/caregiver"),
        new("PAGE /caregiver/orders/{id:guid}", DeliverVisits, w => $"/caregiver/orders/{w.OrderA}", null, w => $"/caregiver/orders/{w.OrderB}"),
        // No assessment in the world: an allowed role gets 404, never 401/403; outside scope the elder alone makes it 404.
        new("PAGE /elders/{id:guid}/assessments/{assessmentId:guid}/report", ReadElders, w =>
            $"/elders/{w.ElderA}/assessments/{Guid.Empty}/report", null,
            w => $"/elders/{w.ElderB}/assessments/{Guid.Empty}/report"),
        new("PAGE /meals", ReadMeals, _ => "/meals"),
        new("PAGE /meals/menus", ReadMeals, w => $"/meals/menus?kitchenId={w.Meals.KitchenA}", null, w =>
            $"/meals/menus?kitchenId={w.Meals.KitchenB}"),
        new("PAGE /meals/orders", ReadMeals, w => $"/meals/orders?diningPointId={w.Meals.PointA}", null, w =>
            $"/meals/orders?diningPointId={w.Meals.PointB}"),
        new("PAGE /meals/production", ReadMeals, w => $"/meals/production?kitchenId={w.Meals.KitchenA}", null, w =>
            $"/meals/production?kitchenId={w.Meals.KitchenB}"),
        new("PAGE /meals/routes", ReadMeals, w => $"/meals/routes?diningPointId={w.Meals.PointA}", null, w =>
            $"/meals/routes?diningPointId={w.Meals.PointB}"),
        new("PAGE /meals/kitchens/new", ManageMealSites, _ => "/meals/kitchens/new"),
        new("PAGE /meals/kitchens/{id:guid}/edit", ManageMealSites, w => $"/meals/kitchens/{w.Meals.KitchenA}/edit", null, w =>
            $"/meals/kitchens/{w.Meals.KitchenB}/edit"),
        new("PAGE /meals/dining-points/new", ManageMealSites, _ => "/meals/dining-points/new"),
        new("PAGE /meals/dining-points/{id:guid}/edit", ManageMealSites, w => $"/meals/dining-points/{w.Meals.PointA}/edit", null,
            w => $"/meals/dining-points/{w.Meals.PointB}/edit"),
        new("PAGE /meals/profiles/{elderId:guid}", WriteMeals, w => $"/meals/profiles/{w.ElderA}", null, w => $"/meals/profiles/{w.ElderB}"),
        new("PAGE /meals/billing", ReadMealBilling, w => $"/meals/billing?diningPointId={w.Meals.PointA}", null, w =>
            $"/meals/billing?diningPointId={w.Meals.PointB}"),
        new("PAGE /meals/food-safety", ReadMeals, w => $"/meals/food-safety?kitchenId={w.Meals.KitchenA}", null, w =>
            $"/meals/food-safety?kitchenId={w.Meals.KitchenB}"),
        // Evaluations (三(二)(三)): no sheet in the world, so object routes answer 404 to the allowed roles; the scopes of
        // sheets (assigned evaluator, own facility, own unit) are EvaluationsApiTests'.
        new("GET /api/evaluations/templates", ReadFacilities, _ => "/api/evaluations/templates"),
        new("GET /api/evaluations/templates/{id:guid}", ReadFacilities, _ => $"/api/evaluations/templates/{Guid.Empty}"),
        new("POST /api/evaluations/templates/{id:guid}/confirm", WritePlan, _ => $"/api/evaluations/templates/{Guid.Empty}/confirm",
            new { source = "" }),
        new("GET /api/evaluations/rounds", ReadFacilities, _ => "/api/evaluations/rounds"),
        new("GET /api/evaluations/rounds/{id:guid}", ReadFacilities, _ => $"/api/evaluations/rounds/{Guid.Empty}"),
        new("POST /api/evaluations/rounds", WritePlan, _ => "/api/evaluations/rounds", new { year = 1999 }),
        new("POST /api/evaluations/rounds/{id:guid}/assignments", WritePlan, _ => $"/api/evaluations/rounds/{Guid.Empty}/assignments",
            new { facilityIds = Array.Empty<Guid>() }),
        new("GET /api/evaluations/", ReadFacilities, _ => "/api/evaluations"),
        new("GET /api/evaluations/{id:guid}", ReadFacilities, _ => $"/api/evaluations/{Guid.Empty}"),
        new("PUT /api/evaluations/{id:guid}/scores", [Role.Evaluator], _ => $"/api/evaluations/{Guid.Empty}/scores",
            new { scores = Array.Empty<object>() }),
        new("POST /api/evaluations/{id:guid}/submit", [Role.Evaluator], _ => $"/api/evaluations/{Guid.Empty}/submit"),
        new("POST /api/evaluations/{id:guid}/objection", [Role.TownOfficer, Role.Operator], _ => $"/api/evaluations/{Guid.Empty}/objection",
            new { reason = "" }),
        new("POST /api/evaluations/{id:guid}/approval", WritePlan, _ => $"/api/evaluations/{Guid.Empty}/approval"),
        new("PAGE /evaluations", ReadFacilities, _ => "/evaluations"),
        new("PAGE /evaluations/{id:guid}", ReadFacilities, _ => $"/evaluations/{Guid.Empty}"),
        new("PAGE /evaluations/rounds", WritePlan, _ => "/evaluations/rounds"),
        // Evidence files: those who read facilities, within their scope (out of scope: Evidence/EvidenceApiTests).
        new("POST /api/evidence/", ReadFacilities, _ => "/api/evidence", "multipart"),
        new("GET /api/evidence/{id:guid}", ReadFacilities, _ => $"/api/evidence/{Guid.Empty}"),
        new("GET /api/evidence/{id:guid}/content", ReadFacilities, _ => $"/api/evidence/{Guid.Empty}/content"),
        // Subsidies, fees and the ledger (三(二)(三)): read by those paid or paying; town review; district claims, approves and pays.
        new("GET /api/subsidies/rules", ReadMealBilling, _ => "/api/subsidies/rules"),
        new("GET /api/subsidies/ledger", ReadMealBilling, _ => "/api/subsidies/ledger"),
        new("GET /api/subsidies/ledger/export", ReadMealBilling, _ => "/api/subsidies/ledger/export"),
        new("POST /api/subsidies/claims", WritePlan, _ => "/api/subsidies/claims"),
        new("POST /api/subsidies/claims/review", [Role.TownOfficer], _ => "/api/subsidies/claims/review"),
        new("POST /api/subsidies/claims/approve", WritePlan, _ => "/api/subsidies/claims/approve"),
        new("GET /api/subsidies/batches", WritePlan, _ => "/api/subsidies/batches"),
        new("GET /api/subsidies/batches/{id:guid}", WritePlan, _ => $"/api/subsidies/batches/{Guid.Empty}"),
        new("GET /api/subsidies/batches/{id:guid}/export", WritePlan, _ => $"/api/subsidies/batches/{Guid.Empty}/export"),
        new("POST /api/subsidies/batches", WritePlan, _ => "/api/subsidies/batches"),
        new("POST /api/subsidies/batches/{id:guid}/payment", WritePlan, _ => $"/api/subsidies/batches/{Guid.Empty}/payment"),
        new("GET /api/subsidies/placements/{id:guid}", ReadMealBilling, _ => $"/api/subsidies/placements/{Guid.Empty}"),
        new("POST /api/subsidies/placements", WriteFacilities, _ => "/api/subsidies/placements"),
        new("POST /api/subsidies/placements/{id:guid}/end", WriteFacilities, _ => $"/api/subsidies/placements/{Guid.Empty}/end"),
        new("GET /api/subsidies/lottery-fund/{year:int}", WritePlan, _ => "/api/subsidies/lottery-fund/2026"),
        new("PUT /api/subsidies/lottery-fund/{year:int}", WritePlan, _ => "/api/subsidies/lottery-fund/2026"),
        new("PAGE /subsidies", ReadMealBilling, _ => "/subsidies"),
        new("GET /api/subsidies/summary", ReadMealBilling, _ => "/api/subsidies/summary"),
        new("POST /api/subsidies/rules/{id:guid}/confirm", WritePlan, _ => $"/api/subsidies/rules/{Guid.Empty}/confirm"),
        new("POST /api/subsidies/rules/{id:guid}/revisions", WritePlan, _ => $"/api/subsidies/rules/{Guid.Empty}/revisions"),
        new("PAGE /subsidies/rules", ReadMealBilling, _ => "/subsidies/rules"),
        new("PAGE /subsidies/placements", ReadMealBilling, _ => "/subsidies/placements"),
        // Supervision (三(一)): everyone but the caregiver reads (the auditor too); the district and the third party (evaluator)
        // inspect; the operator and the town rectify; the district opens rounds. Scopes of findings: Supervision/SupervisionApiTests.
        new("GET /api/supervision/checklists", ReadSupervision, _ => "/api/supervision/checklists"),
        new("POST /api/supervision/checklists/{id:guid}/confirm", WritePlan, _ => $"/api/supervision/checklists/{Guid.Empty}/confirm",
            new { source = "" }),
        new("GET /api/supervision/rounds", ReadSupervision, _ => "/api/supervision/rounds"),
        new("GET /api/supervision/rounds/{id:guid}", ReadSupervision, _ => $"/api/supervision/rounds/{Guid.Empty}"),
        new("POST /api/supervision/rounds", WritePlan, _ => "/api/supervision/rounds", new { year = 1999 }),
        new("GET /api/supervision/inspections", ReadSupervision, _ => "/api/supervision/inspections"),
        new("GET /api/supervision/inspections/{id:guid}", ReadSupervision, _ => $"/api/supervision/inspections/{Guid.Empty}"),
        new("POST /api/supervision/inspections", InspectFacilities, _ => "/api/supervision/inspections", new { inspector = "" }),
        new("GET /api/supervision/findings", ReadSupervision, _ => "/api/supervision/findings"),
        new("GET /api/supervision/findings/export.xlsx", ReadSupervision, _ => "/api/supervision/findings/export.xlsx"),
        new("GET /api/supervision/findings/{id:guid}", ReadSupervision, _ => $"/api/supervision/findings/{Guid.Empty}"),
        new("POST /api/supervision/findings", InspectFacilities, _ => "/api/supervision/findings", new { description = "" }),
        new("POST /api/supervision/findings/{id:guid}/rectification", [Role.TownOfficer, Role.Operator],
            _ => $"/api/supervision/findings/{Guid.Empty}/rectification", new { note = "" }),
        new("POST /api/supervision/findings/{id:guid}/reinspection", InspectFacilities,
            _ => $"/api/supervision/findings/{Guid.Empty}/reinspection", new { passed = true }),
        new("GET /api/supervision/facilities/{facilityId:guid}/summary", ReadSupervision,
            w => $"/api/supervision/facilities/{w.FacilityA}/summary?year=2026",
            OutOfScope: w => $"/api/supervision/facilities/{w.FacilityB}/summary?year=2026"),
        new("PAGE /supervision", ReadSupervision, _ => "/supervision"),
        new("PAGE /supervision/inspections/new", InspectFacilities, _ => $"/supervision/inspections/new?roundId={Guid.Empty}"),
        new("PAGE /supervision/inspections/{id:guid}", ReadSupervision, _ => $"/supervision/inspections/{Guid.Empty}"),
        new("PAGE /supervision/findings/{id:guid}", ReadSupervision, _ => $"/supervision/findings/{Guid.Empty}"),
        // Reports: quarterly reports and bulletins (三、保障措施): read by the district and the towns, submitted by the town,
        // generated, returned and approved by the district, the bulletin and its exports for the district.
        new("GET /api/reports/forms", ReviewVisits, _ => "/api/reports/forms"),
        new("POST /api/reports/forms/{id:guid}/confirm", WritePlan, _ => $"/api/reports/forms/{Guid.Empty}/confirm", new { source = "文号" }),
        new("POST /api/reports/generate", WritePlan, _ => "/api/reports/generate", new { quarter = "bad" }),
        new("GET /api/reports/", ReviewVisits, _ => "/api/reports"),
        new("GET /api/reports/{id:guid}", ReviewVisits, _ => $"/api/reports/{Guid.Empty}"),
        new("PUT /api/reports/{id:guid}/narrative", [Role.TownOfficer], _ => $"/api/reports/{Guid.Empty}/narrative", new { narrative = "说明" }),
        new("POST /api/reports/{id:guid}/submit", [Role.TownOfficer], _ => $"/api/reports/{Guid.Empty}/submit"),
        new("POST /api/reports/{id:guid}/return", WritePlan, _ => $"/api/reports/{Guid.Empty}/return", new { reason = "请补充" }),
        new("POST /api/reports/{id:guid}/approval", WritePlan, _ => $"/api/reports/{Guid.Empty}/approval"),
        new("GET /api/reports/{id:guid}/verification", ReviewVisits, _ => $"/api/reports/{Guid.Empty}/verification"),
        new("GET /api/reports/bulletin", WritePlan, _ => "/api/reports/bulletin?quarter=2026Q3"),
        new("GET /api/reports/bulletin/export.docx", WritePlan, _ => "/api/reports/bulletin/export.docx?quarter=2026Q3"),
        new("GET /api/reports/statistics/export.xlsx", WritePlan, _ => "/api/reports/statistics/export.xlsx?quarter=2026Q3"),
        new("PAGE /reports", ReviewVisits, _ => "/reports"),
        new("PAGE /reports/{id:guid}", ReviewVisits, _ => $"/reports/{Guid.Empty}"),
        new("PAGE /reports/bulletin", WritePlan, _ => "/reports/bulletin"),
        // Tasks and the to-do centre (三(一)): the district gives and generates tasks; towns and operators work them (out of scope:
        // Tasks/TasksApiTests); everyone signed in has a to-do list.
        new("GET /api/tasks/", ReadMealBilling, _ => "/api/tasks"),
        new("GET /api/tasks/export", ReadMealBilling, _ => "/api/tasks/export"),
        new("GET /api/tasks/{id:guid}", ReadMealBilling, _ => $"/api/tasks/{Guid.Empty}"),
        new("POST /api/tasks/", WritePlan, _ => "/api/tasks", new { }),
        new("PUT /api/tasks/{id:guid}", ReadMealBilling, _ => $"/api/tasks/{Guid.Empty}", new { }),
        new("POST /api/tasks/{id:guid}/status", ReadMealBilling, _ => $"/api/tasks/{Guid.Empty}/status", new { }),
        new("POST /api/tasks/{id:guid}/evidence", ReadMealBilling, _ => $"/api/tasks/{Guid.Empty}/evidence", new { }),
        new("POST /api/tasks/generate", WritePlan, _ => "/api/tasks/generate"),
        new("GET /api/tasks/duties", ReadMealBilling, _ => "/api/tasks/duties"),
        new("GET /api/todo/", Everyone, _ => "/api/todo"),
        new("GET /api/todo/count", Everyone, _ => "/api/todo/count"),
        new("PAGE /tasks", ReadMealBilling, _ => "/tasks"),
        new("PAGE /tasks/new", WritePlan, _ => "/tasks/new"),
        new("PAGE /tasks/{id:guid}", ReadMealBilling, _ => $"/tasks/{Guid.Empty}"),
        new("PAGE /tasks/duties", ReadMealBilling, _ => "/tasks/duties"),
        new("PAGE /todo", Everyone, _ => "/todo"),
        // Integrations (clients): integration accounts are the district administrator's alone (ADR 29); the client-credentials
        // grant is anonymous (the client's id and secret are its credentials).
        new("GET /api/integrations/clients/", Admin, _ => "/api/integrations/clients"),
        new("POST /api/integrations/clients/", Admin, _ => "/api/integrations/clients", new { name = "" }),
        new("GET /api/integrations/clients/{id:guid}", Admin, _ => $"/api/integrations/clients/{Guid.Empty}"),
        new("POST /api/integrations/clients/{id:guid}/secrets", Admin, _ => $"/api/integrations/clients/{Guid.Empty}/secrets"),
        new("POST /api/integrations/clients/{id:guid}/secrets/{secretId:guid}/retire", Admin,
            _ => $"/api/integrations/clients/{Guid.Empty}/secrets/{Guid.Empty}/retire"),
        new("POST /api/integrations/clients/{id:guid}/revoke", Admin, _ => $"/api/integrations/clients/{Guid.Empty}/revoke"),
        new("POST /api/oauth/token", null, _ => "/api/oauth/token"),
        // Map: the base map holds no personal data, and the public map uses it.
        new("GET /api/map/tiles/{z}/{x}/{y}", null, _ => "/api/map/tiles/0/0/0"),
        new("GET /api/map/reach", ReadCoverage, _ => "/api/map/reach"),
        new("GET /api/map/site-suggestions", ReadCoverage, _ => "/api/map/site-suggestions?sites=1"),
        new("PAGE /map", ReadCoverage, _ => "/map"),
        new("PAGE /integrations/clients", Admin, _ => "/integrations/clients"),
        new("PAGE /integrations/clients/new", Admin, _ => "/integrations/clients/new"),
        new("PAGE /integrations/clients/{id:guid}", Admin, _ => $"/integrations/clients/{Guid.Empty}"),
        new("PAGE /integrations/clients/{id:guid}/revoke", Admin, _ => $"/integrations/clients/{Guid.Empty}/revoke"),
        // Outbound: webhook subscriptions and the delivery log are the district admin's; the SMS gateway's receipt is
        // anonymous, authenticated by its HMAC signature (404 here: no gateway configured).
        new("GET /api/webhooks/", Admin, _ => "/api/webhooks"),
        new("GET /api/webhooks/events", Admin, _ => "/api/webhooks/events"),
        new("POST /api/webhooks/", Admin, _ => "/api/webhooks", new { name = "" }),
        new("GET /api/webhooks/{id:guid}", Admin, _ => $"/api/webhooks/{Guid.Empty}"),
        new("POST /api/webhooks/{id:guid}/disable", Admin, _ => $"/api/webhooks/{Guid.Empty}/disable"),
        new("GET /api/outbound/deliveries", Admin, _ => "/api/outbound/deliveries"),
        new("POST /api/sms/receipts", null, _ => "/api/sms/receipts", new { messageId = "x", status = "delivered" }),
        new("PAGE /integrations/webhooks", Admin, _ => "/integrations/webhooks"),
        new("PAGE /integrations/webhooks/new", Admin, _ => "/integrations/webhooks/new"),
        new("PAGE /integrations/webhooks/deliveries", Admin, _ => "/integrations/webhooks/deliveries"),
        // Emergency console and phones in the field: an emergency contact's number for an open alarm (duty roles, in scope);
        // the items' checklists; a visit's proof and photos (the caregiver's own visits).
        new("POST /api/alarms/{id:guid}/contact-phone", HandleAlarms, w => $"/api/alarms/{w.AlarmA}/contact-phone", new { },
            w => $"/api/alarms/{w.AlarmB}/contact-phone"),
        new("GET /api/service-items/{id:guid}/checklist", ReadServices, w => $"/api/service-items/{w.Item}/checklist"),
        new("PUT /api/service-items/{id:guid}/checklist", EditCatalogue, w => $"/api/service-items/{w.Item}/checklist",
            new { steps = new[] { new string('长', 101) } }),
        new("GET /api/orders/{id:guid}/visit-proof", ReadServices, w => $"/api/orders/{w.OrderA}/visit-proof", null,
            w => $"/api/orders/{w.OrderB}/visit-proof"),
        new("POST /api/orders/{id:guid}/photos", DeliverVisits, w => $"/api/orders/{w.OrderA}/photos", "multipart"),
        // Daily work (batch): the day's dispatch is for those who may assign.
        new("PAGE /orders/dispatch", WriteOrders, _ => "/orders/dispatch"),
        // Lists and search: the global search answers every signed-in user, with only the kinds their policies read.
        new("GET /api/search/", Everyone, _ => "/api/search?q=张三"),
        new("PAGE /search", Everyone, _ => "/search?q=张三"),
        // Daily work (standing meal orders): read with the meal readers, written by the meal writers; no standing order in
        // the world, so pause and resume answer 404 to the allowed roles.
        new("GET /api/meals/standing-orders", ReadMeals, _ => "/api/meals/standing-orders"),
        new("POST /api/meals/standing-orders", WriteMeals, _ => "/api/meals/standing-orders", new { meal = "lunch" }),
        new("POST /api/meals/standing-orders/{id:guid}/pause", WriteMeals, _ => $"/api/meals/standing-orders/{Guid.Empty}/pause"),
        new("POST /api/meals/standing-orders/{id:guid}/resume", WriteMeals, _ => $"/api/meals/standing-orders/{Guid.Empty}/resume"),
        new("POST /api/meals/standing-orders/raise", WriteMeals, _ => "/api/meals/standing-orders/raise"),
        new("PAGE /meals/standing", ReadMeals, _ => "/meals/standing"),
        // Map data: boundaries and candidate buildings are read with the map and kept by whoever edits regions.
        new("GET /api/map/boundaries", ReadCoverage, _ => "/api/map/boundaries?level=town"),
        new("POST /api/map/boundaries", WriteRegions, _ => "/api/map/boundaries", "multipart"),
        new("GET /api/map/candidate-sites", ReadCoverage, _ => "/api/map/candidate-sites"),
        new("POST /api/map/candidate-sites/import", WriteRegions, _ => "/api/map/candidate-sites/import", "multipart"),
        new("GET /api/map/site-suggestions/export", ReadCoverage, _ => "/api/map/site-suggestions/export?sites=1"),
        new("PAGE /map/boundaries", WriteRegions, _ => "/map/boundaries"),
        new("PAGE /map/candidates", WriteRegions, _ => "/map/candidates"),
        // Service map layers and the public map
        new("GET /api/map/elder-density", ReadCoverage, _ => "/api/map/elder-density"),
        new("GET /api/map/priority-elders", ReadCoverage, _ => "/api/map/priority-elders?region=500153001001"),
        new("GET /api/map/day-events", ReadCoverage, _ => "/api/map/day-events"),
        new("GET /api/map/facilities/{id:guid}/catchment", ReadCoverage, w => $"/api/map/facilities/{w.FacilityA}/catchment",
            OutOfScope: w => $"/api/map/facilities/{w.FacilityB}/catchment"),
        new("GET /api/public/facilities/nearest", null, _ => "/api/public/facilities/nearest?lat=29.4&lng=105.6"),
        new("PAGE /public/map", null, _ => "/public/map"),
        // Daily work (the rest): the alarm list with the console's roles; search by POST (ID numbers and phones stay out of URLs).
        new("PAGE /alarms/list", HandleAlarms, _ => "/alarms/list"),
        new("POST /api/search/", Everyone, _ => "/api/search", new { q = "张三" }),
        // Batch assignment of due reassessments: the officials who arrange them (WriteElders); an empty body is 400 to them.
        new("GET /api/reassessments/due", WriteElders, _ => "/api/reassessments/due"),
        new("POST /api/reassessments/assignments", WriteElders, _ => "/api/reassessments/assignments", new { }),
        new("PAGE /assessments/due", WriteElders, _ => "/assessments/due"),
    ];


    private static string KeyOf(RouteEndpoint e)
    {
        var methods = e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["PAGE"];
        return $"{string.Join(",", methods)} /{e.RoutePattern.RawText?.TrimStart('/')}";
    }

    [Fact]
    public void Every_endpoint_of_the_app_is_in_the_matrix()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(KeyOf).Distinct().Order().ToList();
        var listed = Matrix.Select(r => r.Key).ToHashSet();
        var missing = endpoints.Where(e => !listed.Contains(e)).ToList();
        var stale = listed.Where(l => !endpoints.Contains(l)).ToList();
        Assert.True(missing.Count == 0, "Endpoints missing from the authorisation matrix:\n" + string.Join("\n", missing));
        Assert.True(stale.Count == 0, "Matrix rows with no endpoint:\n" + string.Join("\n", stale));
    }

    private async Task<World> Arrange()
    {
        var a = await app.Staff.NewFacility(Make.Facility(name: "矩阵中心A"));
        var b = await app.Staff.NewFacility(Make.Facility(name: "矩阵中心B", type: FacilityType.TownCenter, regionCode: Make.Panlong, floorArea: 900));
        var victim = await app.User(Role.Evaluator, name: "matrix.victim");
        var elderA = await Elder(ElderAId, Make.Changyuan);
        var elderB = await Elder(ElderBId, Make.Panlong);
        Task<Guid> WorkerOf(Guid provider, string region) =>
            app.Staff.NewWorker(Make.Worker(provider, "矩阵护理员", "13900001111", regionCodes: [region]));
        var provider = await app.Staff.ProviderOf(a);
        var providerB = await app.Staff.ProviderOf(b);
        var services = new ServiceWorld(provider, providerB, await WorkerOf(provider, Make.Changyuan), await WorkerOf(providerB, Make.Panlong));
        var item = (await (await app.Staff.GetAsync("/api/service-items")).ReadJson()).EnumerateArray().First().Id();
        var start = app.Clock.GetUtcNow().AddDays(1);
        Task<Guid> Order(Guid elder, Guid? providerId) =>
            app.Staff.Create("/api/orders", Make.ServiceOrder(elder, item, start, start.AddHours(1), providerId));
        var world = new World(a, b, victim.Id, elderA, elderB, await Alarm(elderA), await Alarm(elderB), await Order(elderA, provider),
            await Order(elderB, null), item);
        return world with { Meals = await ArrangeMeals(world), Services = services };
    }

    private static int _mealDays;

    private async Task<MealWorld> ArrangeMeals(World w)
    {
        async Task<Guid> Post(string path, object body)
        {
            var r = await app.Staff.PostJson(path, body);
            Assert.True(r.IsSuccessStatusCode, $"{path}: {await r.Content.ReadAsStringAsync()}");
            return (await r.ReadJson()).GetProperty("id").GetGuid();
        }
        var today = app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        // Each arrangement orders for a day of its own: the elders are the same, one meal per elder and day.
        var date = DateOnly.FromDateTime(today.DateTime).AddDays(Interlocked.Increment(ref _mealDays) - 1);
        var kitchenA = await app.Staff.NewKitchen(w.FacilityA, "矩阵厨房A");
        var kitchenB = await app.Staff.NewKitchen(w.FacilityB, "矩阵厨房B");
        var pointA = await Post("/api/meals/dining-points", new { name = "矩阵助餐点A", facilityId = w.FacilityA, kitchenId = kitchenA });
        var pointB = await app.Staff.NewDiningPoint(w.FacilityB, kitchenB, "矩阵助餐点B", 29.5, 105.6);
        var day = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (kitchen, elder, point) in new[] { (kitchenA, w.ElderA, pointA), (kitchenB, w.ElderB, pointB) })
        {
            await app.Staff.PostJson("/api/meals/menus", Make.Menu(kitchen, day, priceFen: 1100, dishes: ["青椒肉丝"]));
            await app.Staff.PutJson($"/api/meals/profiles/{elder}", new { diningPointId = point, mode = "dine-in" });
        }
        var orderA = await Post("/api/meals/orders", Make.MealOrder(w.ElderA, day));
        var orderB = await Post("/api/meals/orders", Make.MealOrder(w.ElderB, day));
        var cooked = today.AddMinutes(-30);
        var cookedOn = DateOnly.FromDateTime(cooked.DateTime);
        var batchA = await Post("/api/meals/batches", new { kitchenId = kitchenA, date = cookedOn, meal = "lunch", cookedAt = cooked });
        var batchB = await Post("/api/meals/batches", new { kitchenId = kitchenB, date = cookedOn, meal = "lunch", cookedAt = cooked });
        return new MealWorld(kitchenA, kitchenB, pointA, pointB, orderA, orderB, batchA, batchB);
    }

    private async Task<Guid> Alarm(Guid elder)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/alarms")
        {
            Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(
                new { kind = "sos", occurredAt = AppFactory.Start, elderId = elder }),
                Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var r = await app.Staff.SendAsync(request);
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.ReadJson()).GetProperty("id").GetGuid();
    }

    private async Task<Guid> Elder(string idNumber, string region)
    {
        var r = await app.Staff.PostJson("/api/elders", Make.Elder(name: "矩阵老人", idNumber: idNumber, regionCode: region));
        if (r.StatusCode == HttpStatusCode.Conflict)
            return (await (await app.Staff.PostJson("/api/elders/lookup", new { idNumber })).ReadJson()).GetProperty("id").GetGuid();
        return (await r.ReadJson()).GetProperty("id").GetGuid();
    }

    private HttpClient Anonymous => app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions {
        AllowAutoRedirect = false });

    private Task<HttpClient> Client(Role role, World w) => role switch
    {
        Role.TownOfficer => app.ClientAs(role, region: Make.Changyuan),
        Role.Operator => app.ClientAs(role, facilities: [w.FacilityA]),
        _ => app.ClientAs(role),
    };

    private static HttpRequestMessage Request(Row row, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(row.Method), path);
        if (row.Body is "multipart") request.Content = new MultipartFormDataContent();
        else if (row.Body is not null)
            request.Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(row.Body), Encoding.UTF8, "application/json");
        else if (row.Method != "GET") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        return request;
    }

    [Fact]
    public async Task Each_role_is_allowed_forbidden_or_out_of_scope_as_the_matrix_says()
    {
        var world = await Arrange();
        var failures = new List<string>();
        var clients = new SessionPerRole(Client);
        foreach (var row in Matrix)
        {
            if (row.DeviceKeyOnly)
            {
                foreach (var c in new[] { Anonymous, await Client(Role.DistrictAdmin, world) })
                    if ((await c.SendAsync(Request(row, row.Path(world)))).StatusCode != HttpStatusCode.Unauthorized)
                        failures.Add($"{row.Key}: expected 401 without a device key");
                continue;
            }
            if (row.Allowed is null)
            {
                var anonymous = await Anonymous.SendAsync(Request(row, row.Path(world)));
                if (row.Key != "POST /api/auth/token" && anonymous.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                    failures.Add($"{row.Key} anonymous: {(int)anonymous.StatusCode}");
                continue;
            }
            var anon = await Anonymous.SendAsync(Request(row, row.Path(world)));
            if (row.IsPage)
            {
                if (anon.StatusCode != HttpStatusCode.Redirect || anon.Headers.Location?.OriginalString.Contains("/account/login",
                    StringComparison.Ordinal) != true)
                    failures.Add($"{row.Key} anonymous: expected a redirect to sign in, got {(int)anon.StatusCode} {anon.Headers.Location}");
            }
            else if (anon.StatusCode != HttpStatusCode.Unauthorized) failures.Add($"{row.Key} anonymous: expected 401, got {(int)anon.StatusCode}");

            foreach (var role in AllRoles)
            {
                // Signing out ends the session it is sent with: that row gets sessions of its own.
                var client = row.Key.EndsWith("/logout", StringComparison.Ordinal) ? await Client(role, world) : await clients.GetOrAdd(role, world);
                var response = await client.SendAsync(Request(row, row.Path(world)));
                var status = (int)response.StatusCode;
                var allowed = row.Allowed.Contains(role);
                if (status >= 500) failures.Add($"{row.Key} as {role}: {status}");
                else if (allowed && status is 401 or 403) failures.Add(
                    $"{row.Key} as {role}: expected allowed, got {status} {await response.Content.ReadAsStringAsync()}");
                else if (!allowed && status != 403) failures.Add($"{row.Key} as {role}: expected 403, got {status}");

                if (allowed && row.OutOfScope is { } outside && role is Role.TownOfficer or Role.Operator)
                {
                    var other = await client.SendAsync(Request(row, outside(world)));
                    if (other.StatusCode != HttpStatusCode.NotFound)
                        failures.Add($"{row.Key} as {role} outside its scope: expected 404, got {(int)other.StatusCode}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_town_officer_lists_only_their_unit_and_an_operator_only_its_facilities()
    {
        var world = await Arrange();
        var officer = await Client(Role.TownOfficer, world);
        var items = (await (await officer.GetAsync("/api/facilities?pageSize=100")).ReadJson()).GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(items, i => i.GetProperty("id").GetGuid() == world.FacilityA);
        Assert.All(items, i => Assert.StartsWith(Make.Changyuan, i.GetProperty("regionCode").GetString()));
        var coverage = await (await officer.GetAsync("/api/coverage")).ReadJson();
        Assert.Equal(Make.Changyuan, Assert.Single(coverage.GetProperty("units").EnumerateArray()).GetProperty("regionCode").GetString());
        var regions = (await (await officer.GetAsync("/api/regions")).ReadJson()).EnumerateArray().ToList();
        Assert.All(regions, r => Assert.StartsWith(Make.Changyuan, r.GetProperty("code").GetString()));

        var operatorClient = await Client(Role.Operator, world);
        var own = (await (await operatorClient.GetAsync("/api/facilities")).ReadJson()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(world.FacilityA, Assert.Single(own).GetProperty("id").GetGuid());
        // ADR 0013: the operator of FacilityA (a centre of 昌元街道) serves ElderA, who lives in that street, not ElderB of 盘龙镇.
        var elders = (await (await operatorClient.GetAsync("/api/elders?pageSize=100")).ReadJson()).GetProperty("items").EnumerateArray()
            .Select(e => e.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(world.ElderA, elders);
        Assert.DoesNotContain(world.ElderB, elders);
        (await operatorClient.GetAsync($"/api/elders/{world.ElderA}")).EnsureSuccessStatusCode();

        // A town officer cannot register a facility in another unit: the region reads as unknown.
        await (await officer.PostJson("/api/facilities", Make.Facility(name: "越界中心", regionCode: Make.Fenggao))).AssertFieldError("regionCode");
    }

    /// <summary>One signed-in client per role for the whole matrix (a session per request made the class the slowest of the suite).</summary>
    private sealed class SessionPerRole(Func<Role, World, Task<HttpClient>> signIn)
    {
        private readonly Dictionary<Role, HttpClient> _clients = [];

        public async Task<HttpClient> GetOrAdd(Role role, World world) =>
            _clients.TryGetValue(role, out var client) ? client : _clients[role] = await signIn(role, world);
    }
}
