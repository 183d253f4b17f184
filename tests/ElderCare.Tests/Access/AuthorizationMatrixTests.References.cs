using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;
using Microsoft.AspNetCore.Routing;
using FacilityType = ElderCare.Web.Features.Facilities.FacilityType;
using Microsoft.Extensions.DependencyInjection;

namespace ElderCare.Tests.Access;

/// <summary>
/// ADR 0019: every id or code in a request body passes the scope rule of a read of it. For each (endpoint, body field)
/// a town officer of 昌元街道 and the operator of facility A send the field once with an object of 盘龙镇 and once with
/// an id that does not exist: the two answers must be the same (400 naming the field, or 404), so a foreign object is
/// neither used nor disclosed; and an object of their own must be answered differently (the check was reached). The
/// completeness test fails when an unsafe endpoint that reads a body has neither a row here nor a written exemption.
/// </summary>
public partial class AuthorizationMatrixTests
{
    private static readonly Guid Nowhere = Guid.Parse("0199a000-0000-7000-8000-0000000000ff");
    private const string NoUnit = "500153099"; // no such street or town

    /// <summary>Extra objects: an order of elder A with no provider yet, a provider of 昌元街道 without a facility, and two
    /// caregiver accounts, one free and one linked to a worker of 盘龙镇.</summary>
    public sealed record RefWorld(World W, Guid OrderWithoutProvider, Guid LooseProviderA, string FreeCarer, string CarerOfB, DateOnly MealDay);

    /// <summary>One row: the endpoint (its key in <see cref="Matrix"/>), the body field, the path, the body with the value
    /// put in, and the value in scope, of the other unit and nonexistent. Roles: who runs it (null = the matrix's scoped roles).</summary>
    public sealed record RefRow(string Key, string Field, Func<RefWorld, string> Path, Func<RefWorld, object, object> Body,
        Func<RefWorld, object> Inside, Func<RefWorld, object> Foreign, object Nonexistent, Role[]? Roles = null);

    /// <summary>Unsafe endpoints with a body that carries no reference to another object (or only the district reaches them).</summary>
    public static readonly Dictionary<string, string> ReferenceExemptions = new()
    {
        ["POST /api/auth/token"] = "credentials only",
        ["POST /api/auth/password"] = "own password only",
        ["POST /api/users/"] = "district-admin only: the district scope covers every region and facility",
        ["PUT /api/users/{id:guid}"] = "district-admin only: the district scope covers every region and facility",
        ["POST /api/users/{id:guid}/reset-password"] = "password only",
        ["POST /api/users/{id:guid}/unmask"] = "reason only",
        ["PUT /api/regions/{code}"] = "figures only; the region in the path is scoped",
        ["POST /api/plan/import"] = "district roles only (workbook of units)",
        ["PUT /api/priority-rules/{group}"] = "district roles only (elders.priority-rules); groups, ages and categories, no reference",
        ["POST /api/regions/{code}/code"] = "district roles only (regions.code): the district scope covers every region",
        ["POST /api/regions/import"] = "each row's unit is checked against the importer's scope (RegionImportTests)",
        ["POST /api/facilities/import"] = "each row's region and code are checked against the importer's scope (FacilityImportTests)",
        ["POST /api/elders/lookup"] = "a read: the ID number is looked up within the caller's scope (EldersApiTests)",
        ["POST /api/elders/{id:guid}/unmask"] = "field name and reason only",
        ["POST /api/elders/{id:guid}/condition-change"] = "date only",
        ["POST /api/elders/import/"] = "each row's region is checked against the importer's scope (ElderImportTests)",
        ["POST /api/elders/{id:guid}/barthel"] = "scores only",
        ["POST /api/elders/{id:guid}/self-care"] = "indicators only",
        ["POST /api/elders/{id:guid}/assessments/"] = "scores only",
        ["POST /api/meals/orders/{id:guid}/check-in"] = "time only",
        ["POST /api/meals/orders/{id:guid}/delivery"] = "time and position only",
        ["POST /api/meals/batches/{id:guid}/sample"] = "times only",
        ["POST /api/meals/batches/{id:guid}/disposal"] = "time and note only",
        ["POST /api/meals/subsidy-rates"] = "district roles only; no reference",
        ["POST /api/meals/subsidy-rates/{id:guid}/confirm"] = "district roles only; source text only",
        // Standing meal orders (daily work): no body; the standing order in the path is scoped, the date is no reference.
        ["POST /api/meals/standing-orders/{id:guid}/pause"] = "no body; the standing order in the path is scoped",
        ["POST /api/meals/standing-orders/{id:guid}/resume"] = "no body; the standing order in the path is scoped",
        ["POST /api/meals/standing-orders/raise"] = "date only; the standing orders raised are those in the caller's scope",
        ["POST /api/alarms/{id:guid}/acknowledge"] = "no reference",
        ["POST /api/alarms/{id:guid}/dispatch"] = "responder kind and name (text) only",
        ["POST /api/alarms/{id:guid}/on-site"] = "position only",
        ["POST /api/alarms/{id:guid}/resolve"] = "outcome and note only",
        ["PUT /api/service-items/{id:guid}"] = "district roles only: the catalogue is the district's",
        ["POST /api/service-items/{id:guid}/confirm"] = "district roles only; source text only",
        ["POST /api/orders/{id:guid}/check-in"] = "position and time only",
        ["POST /api/orders/{id:guid}/check-out"] = "position, time and notes only",
        ["POST /api/orders/{id:guid}/confirm"] = "confirmation code only",
        ["POST /api/orders/{id:guid}/rating"] = "score and comment only",
        ["POST /api/orders/{id:guid}/cancel"] = "reason only",
        ["POST /api/orders/{id:guid}/review"] = "outcome and reason only",
        ["POST /api/orders/{id:guid}/missed"] = "reason only",
        ["POST /api/orders/{id:guid}/complaints"] = "severity and text only",
        ["POST /api/complaints/{id:guid}/resolve"] = "resolution only",
        ["POST /api/follow-ups/{id:guid}"] = "answers only",
        ["POST /api/family-beds/{id:guid}/schedule"] = "month only",
        ["POST /api/devices/heartbeat"] = "device key only",
        ["POST /api/auth/logout"] = "no body",
        ["POST /api/users/{id:guid}/disable"] = "no body",
        // Integrations (clients): the administrator's own objects and credentials, no reference to a scoped object (ADR 29)
        ["POST /api/integrations/clients/"] = "district-admin only: the district scope covers every region and facility",
        ["POST /api/integrations/clients/{id:guid}/secrets"] = "district-admin only; no body",
        ["POST /api/integrations/clients/{id:guid}/secrets/{secretId:guid}/retire"] = "district-admin only; no body",
        ["POST /api/integrations/clients/{id:guid}/revoke"] = "district-admin only; no body",
        ["POST /api/oauth/token"] = "client credentials only",
        ["POST /api/users/{id:guid}/enable"] = "no body",
        ["POST /api/meals/orders/{id:guid}/cancel"] = "no body",
        // Evaluations (三(二)(三)).
        ["POST /api/evaluations/templates/{id:guid}/confirm"] = "district roles only; source text only",
        ["POST /api/evaluations/rounds"] = "district roles only; year, kind and name, no reference",
        ["POST /api/evaluations/rounds/{id:guid}/assignments"] =
            "district roles only: the district scope covers every facility; evaluators checked by role (EvaluationsApiTests)",
        ["PUT /api/evaluations/{id:guid}/scores"] =
            "evaluators only; an evidence id of another facility is refused like a nonexistent one (EvaluationsApiTests)",
        ["POST /api/evaluations/{id:guid}/submit"] = "no body",
        ["POST /api/evaluations/{id:guid}/objection"] = "reason only",
        ["POST /api/evaluations/{id:guid}/approval"] = "no body",
        // Evidence files: a multipart form; its facilityId is scoped like a read (Evidence/EvidenceApiTests).
        ["POST /api/evidence/"] = "multipart: facilityId out of scope answers 404 like a nonexistent one (EvidenceApiTests)",
        // Emergency console and phones in the field.
        ["POST /api/alarms/{id:guid}/contact-phone"] = "a contact's index only; the alarm in the path is scoped (ConsoleContactTests)",
        ["PUT /api/service-items/{id:guid}/checklist"] = "district roles only (services.catalogue); step texts only",
        ["POST /api/orders/{id:guid}/photos"] = "multipart file only; the order in the path is scoped (VisitProofApiTests)",
        // Subsidies, fees and the ledger (三(二)(三)).
        ["POST /api/subsidies/claims"] = "district roles only (subsidies.manage); year only",
        ["POST /api/subsidies/claims/approve"] = "district roles only (subsidies.manage): the district scope covers every line",
        ["POST /api/subsidies/batches"] = "district roles only (subsidies.manage): the district scope covers every line",
        ["POST /api/subsidies/batches/{id:guid}/payment"] = "district roles only; voucher number and date only",
        ["PUT /api/subsidies/lottery-fund/{year:int}"] = "district roles only; amount and source text only",
        ["POST /api/subsidies/rules/{id:guid}/confirm"] = "district roles only (subsidies.manage); source text only",
        ["POST /api/subsidies/rules/{id:guid}/revisions"] = "district roles only (subsidies.manage); figure, date and source only",
        ["POST /api/subsidies/claims/review"] = "lineIds are looked up in the reviewer's unit only: another unit's line is 404 like a missing one " +
            "(SubsidiesApiTests)",
        ["POST /api/subsidies/placements"] = "elderId and facilityId are looked up with InScope (one message for another unit's and a missing " +
            "one); reference rows to add",
        ["POST /api/subsidies/placements/{id:guid}/end"] = "date only; the placement in the path is scoped by its facility",
        // Supervision (三(一)): the district and third-party roles (district scope) open, inspect and re-inspect; the operator and
        // the town rectify a finding scoped in the path, whose evidence files must be its facility's (SupervisionApiTests).
        ["POST /api/supervision/checklists/{id:guid}/confirm"] = "district roles only; source text only",
        ["POST /api/supervision/rounds"] = "district roles only (supervision.manage); year, month, conductor and organisation name only",
        ["POST /api/supervision/inspections"] = "district and third-party roles only (supervision.inspect, district scope); facilityId is " +
            "looked up with InScope",
        ["POST /api/supervision/findings"] = "district and third-party roles only (supervision.inspect, district scope); evidenceIds must " +
            "be files of the inspection's facility",
        ["POST /api/supervision/findings/{id:guid}/reinspection"] = "district and third-party roles only (supervision.inspect, district " +
            "scope); evidenceIds must be files of the finding's facility",
        ["POST /api/supervision/findings/{id:guid}/rectification"] = "the finding is scoped in the path; evidenceIds must be files of its " +
            "facility: another facility's file is answered like a missing one (SupervisionApiTests)",
        // Reports: quarterly reports (三、保障措施); the report in the path is scoped by its unit (ReportsApiTests).
        ["POST /api/reports/generate"] = "district roles only (reports.approve); quarter only",
        ["POST /api/reports/forms/{id:guid}/confirm"] = "district roles only; source text only",
        ["PUT /api/reports/{id:guid}/narrative"] = "narrative text and version only",
        ["POST /api/reports/{id:guid}/submit"] = "no body",
        ["POST /api/reports/{id:guid}/return"] = "reason only",
        ["POST /api/reports/{id:guid}/approval"] = "no body",
        // Tasks (三(一))
        ["POST /api/tasks/"] = "district roles only (tasks.manage): the district scope covers every region and facility",
        ["PUT /api/tasks/{id:guid}"] = "texts and dates only; the task in the path is scoped",
        ["POST /api/tasks/{id:guid}/status"] = "status and note only; the task in the path is scoped",
        ["POST /api/tasks/{id:guid}/evidence"] = "evidenceId is looked up with InScope: another unit's file is refused like a missing one " +
            "(TasksApiTests)",
        ["POST /api/tasks/generate"] = "district roles only (tasks.manage); no body",
        // Outbound (ADR 29)
        ["POST /api/webhooks/"] = "district-admin only (integrations.webhooks): the district scope covers every region; an unknown regionCode " +
            "is refused (OutboundApiTests)",
        ["POST /api/webhooks/{id:guid}/disable"] = "no body",
        ["POST /api/search/"] = "a read: search text only; every kind is read within the caller's scope (SearchTests)",
        ["POST /api/sms/receipts"] = "the SMS gateway's receipt, authenticated by its HMAC: a message id of our own outbox, no user scope",
        // Map data: each feature's and each row's region code is checked against the uploader's scope (MapDataApiTests).
        ["POST /api/map/boundaries"] = "each feature's properties.code is checked against the uploader's scope (MapDataApiTests)",
        ["POST /api/map/candidate-sites/import"] = "each row's region code is checked against the importer's scope (MapDataApiTests)",
    };

    private List<RefRow> References()
    {
        const string Changyuan = Make.Changyuan, Panlong = Make.Panlong;
        var start = app.Clock.GetUtcNow().AddDays(2);
        object Worker(object providerId, object regionCodes, object? userName = null) => new
        {
            providerId, name = "引用测试护理员", phone = "13900003333", qualifications = new[] { "helper" }, regionCodes, userName,
        };
        object Order(RefWorld r, object elderId, object? providerId) => new
        {
            elderId, serviceItemId = r.W.Item, windowStart = start, windowEnd = start.AddHours(1), providerId,
        };
        RefRow[] orderRows(string key, string path) =>
        [
            new(key, "elderId", _ => path, (r, v) => Order(r, v, r.W.Services.ProviderA),
                r => r.W.ElderA, r => r.W.ElderB, Nowhere),
            new(key, "providerId", _ => path, (r, v) => Order(r, r.W.ElderA, v),
                r => r.W.Services.ProviderA, r => r.W.Services.ProviderB, Nowhere),
        ];
        return
        [
            // 助餐: kitchens, dining points, menus, batches, orders, profiles.
            new("POST /api/meals/kitchens", "facilityId", _ => "/api/meals/kitchens", (_, v) => new { name = "引用测试厨房", facilityId = v },
                r => r.W.FacilityA, r => r.W.FacilityB, Nowhere),
            new("POST /api/meals/kitchens", "regionCode", _ => "/api/meals/kitchens", (_, v) => new { name = "引用测试厨房", regionCode = v },
                _ => Changyuan, _ => Panlong, NoUnit),
            new("PUT /api/meals/kitchens/{id:guid}", "facilityId", r => $"/api/meals/kitchens/{r.W.Meals.KitchenA}",
                (_, v) => new { name = "矩阵厨房A", facilityId = v }, r => r.W.FacilityA, r => r.W.FacilityB, Nowhere),
            new("PUT /api/meals/kitchens/{id:guid}", "regionCode", r => $"/api/meals/kitchens/{r.W.Meals.KitchenA}",
                (r, v) => new { name = "矩阵厨房A", facilityId = r.W.FacilityA, regionCode = v }, _ => Changyuan, _ => Panlong, NoUnit),
            new("POST /api/meals/dining-points", "kitchenId", _ => "/api/meals/dining-points",
                (r, v) => new { name = "引用测试助餐点", facilityId = r.W.FacilityA, kitchenId = v }, r => r.W.Meals.KitchenA, r => r.W.Meals.KitchenB,
                Nowhere),
            new("POST /api/meals/dining-points", "facilityId", _ => "/api/meals/dining-points",
                (r, v) => new { name = "引用测试助餐点", facilityId = v, kitchenId = r.W.Meals.KitchenA }, r => r.W.FacilityA, r => r.W.FacilityB, Nowhere),
            new("PUT /api/meals/dining-points/{id:guid}", "kitchenId", r => $"/api/meals/dining-points/{r.W.Meals.PointA}",
                (r, v) => new { name = "矩阵助餐点A", facilityId = r.W.FacilityA, kitchenId = v }, r => r.W.Meals.KitchenA, r => r.W.Meals.KitchenB,
                Nowhere),
            new("PUT /api/meals/dining-points/{id:guid}", "facilityId", r => $"/api/meals/dining-points/{r.W.Meals.PointA}",
                (r, v) => new { name = "矩阵助餐点A", facilityId = v, kitchenId = r.W.Meals.KitchenA }, r => r.W.FacilityA, r => r.W.FacilityB, Nowhere),
            new("POST /api/meals/menus", "kitchenId", _ => "/api/meals/menus", (r, v) => new
            {
                kitchenId = v, date = r.MealDay, meal = "lunch",
                sets = new[] { new { code = "A", name = "普通套餐", priceFen = 1100, dishes = new[] { "青椒肉丝" }, suits = Array.Empty<string>() } },
            }, r => r.W.Meals.KitchenA, r => r.W.Meals.KitchenB, Nowhere),
            new("POST /api/meals/batches", "kitchenId", _ => "/api/meals/batches",
                (r, v) => new { kitchenId = v, date = r.MealDay, meal = "lunch", cookedAt = app.Clock.GetUtcNow() },
                r => r.W.Meals.KitchenA, r => r.W.Meals.KitchenB, Nowhere),
            new("POST /api/meals/orders", "elderId", _ => "/api/meals/orders", (r, v) => new { elderId = v, date = r.MealDay, meal = "lunch" },
                r => r.W.ElderA, r => r.W.ElderB, Nowhere),
            new("POST /api/meals/orders", "diningPointId", _ => "/api/meals/orders",
                (r, v) => new { elderId = r.W.ElderA, date = r.MealDay, meal = "lunch", diningPointId = v }, r => r.W.Meals.PointA,
                r => r.W.Meals.PointB, Nowhere),
            new("PUT /api/meals/profiles/{elderId:guid}", "diningPointId", r => $"/api/meals/profiles/{r.W.ElderA}",
                (_, v) => new { diningPointId = v, mode = "dine-in" }, r => r.W.Meals.PointA, r => r.W.Meals.PointB, Nowhere),
            // Standing meal orders (daily work): the elder and a dining point named.
            new("POST /api/meals/standing-orders", "elderId", _ => "/api/meals/standing-orders",
                (r, v) => new { elderId = v, meal = "dinner", weekdays = new[] { 1, 2, 3 }, fromDate = r.MealDay }, r => r.W.ElderA,
                r => r.W.ElderB, Nowhere),
            new("POST /api/meals/standing-orders", "diningPointId", _ => "/api/meals/standing-orders",
                (r, v) => new { elderId = r.W.ElderA, meal = "dinner", weekdays = new[] { 1 }, fromDate = r.MealDay, diningPointId = v },
                r => r.W.Meals.PointA, r => r.W.Meals.PointB, Nowhere),

            // Alarms: a device for an elder, a staff alarm for an elder. The alarm scope of an operator is the elders whose
            // station it runs (AlarmQueries, AlarmsApiTests), not every elder it serves, so these rows run as the officer.
            new("POST /api/devices/", "elderId", _ => "/api/devices", (_, v) =>
                new { elderId = v, kind = "one-key-terminal", serial = $"REF-{Guid.NewGuid():N}" },
                r => r.W.ElderA, r => r.W.ElderB, Nowhere, [Role.TownOfficer]),
            new("POST /api/alarms/", "elderId", _ => "/api/alarms", (_, v) => new { kind = "sos", occurredAt = app.Clock.GetUtcNow(), elderId = v },
                r => r.W.ElderA, r => r.W.ElderB, Nowhere, [Role.TownOfficer]),

            // Services: providers, workers (provider, regions, linked caregiver account), orders, assignment.
            new("POST /api/providers/", "facilityId", _ => "/api/providers", (_, v) => new { facilityId = v }, r => r.W.FacilityA,
                r => r.W.FacilityB, Nowhere),
            new("POST /api/providers/", "unitCode", _ => "/api/providers", (_, v) => new { name = "引用测试机构", unitCode = v }, _ => Changyuan,
                _ => Panlong, NoUnit),
            new("PUT /api/providers/{id:guid}", "unitCode", r => $"/api/providers/{r.LooseProviderA}",
                (_, v) => new { name = "矩阵机构A2", unitCode = v },
                _ => Changyuan, _ => Panlong, NoUnit),
            new("POST /api/workers/", "providerId", _ => "/api/workers", (_, v) => Worker(v, new[] { Changyuan }),
                r => r.W.Services.ProviderA, r => r.W.Services.ProviderB, Nowhere),
            new("POST /api/workers/", "regionCodes", _ => "/api/workers", (r, v) => Worker(r.W.Services.ProviderA, v),
                _ => new[] { Changyuan }, _ => new[] { Panlong }, new[] { NoUnit }),
            new("POST /api/workers/", "userName", _ => "/api/workers", (r, v) => Worker(r.W.Services.ProviderA, new[] { Changyuan }, v),
                r => r.FreeCarer, r => r.CarerOfB, "matrix.nobody"),
            new("PUT /api/workers/{id:guid}", "providerId", r => $"/api/workers/{r.W.Services.WorkerA}", (_, v) => Worker(v, new[] { Changyuan }),
                r => r.W.Services.ProviderA, r => r.W.Services.ProviderB, Nowhere),
            new("PUT /api/workers/{id:guid}", "regionCodes", r => $"/api/workers/{r.W.Services.WorkerA}", (r, v) => Worker(r.W.Services.ProviderA, v),
                _ => new[] { Changyuan }, _ => new[] { Panlong }, new[] { NoUnit }),
            .. orderRows("POST /api/orders/", "/api/orders"),
            .. orderRows("POST /api/orders/quote", "/api/orders/quote"),
            // An order with no provider yet (the officer's own): any worker in scope, none of another unit.
            new("POST /api/orders/{id:guid}/assign", "workerId", r => $"/api/orders/{r.OrderWithoutProvider}/assign", (_, v) => new { workerId = v },
                r => r.W.Services.WorkerA, r => r.W.Services.WorkerB, Nowhere, [Role.TownOfficer]),
            new("POST /api/orders/{id:guid}/assign", "workerId", r => $"/api/orders/{r.W.OrderA}/assign", (_, v) => new { workerId = v },
                r => r.W.Services.WorkerA, r => r.W.Services.WorkerB, Nowhere, [Role.Operator]),

            // Family care beds: the elder and the facility that serves the bed.
            new("POST /api/family-beds/", "elderId", _ => "/api/family-beds",
                (r, v) => new { elderId = v, facilityId = r.W.FacilityA, serviceItemId = r.W.Item, visitsPerMonth = 4 }, r => r.W.ElderA,
                r => r.W.ElderB, Nowhere),
            new("POST /api/family-beds/", "facilityId", _ => "/api/family-beds",
                (r, v) => new { elderId = r.W.ElderA, facilityId = v, serviceItemId = r.W.Item, visitsPerMonth = 4 }, r => r.W.FacilityA,
                r => r.W.FacilityB, Nowhere),

            // Registry: facilities (region, hub), elders (region), regions (parent).
            new("POST /api/facilities/", "regionCode", _ => "/api/facilities",
                (_, v) => Make.Facility(name: "引用测试站", type: FacilityType.CommunityStation, regionCode: (string)v, floorArea: 300), _ => Changyuan,
                _ => Panlong, NoUnit),
            new("POST /api/facilities/", "hubFacilityId", _ => "/api/facilities",
                (_, v) => Make.Facility(name: "引用测试站", type: FacilityType.CommunityStation, regionCode: Changyuan,
                    floorArea: 300) with { HubFacilityId = (Guid)v },
                r => r.W.FacilityA, r => r.W.FacilityB, Nowhere),
            new("PUT /api/facilities/{id:guid}", "regionCode", r => $"/api/facilities/{r.W.FacilityA}",
                (_, v) => Make.Facility(name: "矩阵中心A", regionCode: (string)v), _ => Changyuan, _ => Panlong, NoUnit),
            new("POST /api/elders/", "regionCode", _ => "/api/elders", (_, v) => ElderBody(v), _ => Changyuan, _ => Panlong, NoUnit),
            new("PUT /api/elders/{id:guid}", "regionCode", r => $"/api/elders/{r.W.ElderA}", (_, v) => ElderBody(v), _ => Changyuan, _ => Panlong,
                NoUnit),
            new("POST /api/regions/", "parentCode", _ => "/api/regions",
                (_, v) => new { code = $"{v}998", name = "引用测试社区", kind = "community", parentCode = v }, _ => Changyuan, _ => Panlong, NoUnit),
            // Batch assignment of due reassessments: the elders and the assessor (a user) pass the scope rule of a read.
            new("POST /api/reassessments/assignments", "elderIds", _ => "/api/reassessments/assignments",
                (_, v) => new { elderIds = new[] { v }, assessorId = Nowhere }, r => r.W.ElderA, r => r.W.ElderB, Nowhere),
            new("POST /api/reassessments/assignments", "assessorId", _ => "/api/reassessments/assignments",
                (r, v) => new { elderIds = new[] { r.W.ElderA }, assessorId = v },
                _ => app.User(Role.TownOfficer, Changyuan).GetAwaiter().GetResult().Id,
                _ => app.User(Role.TownOfficer, Panlong).GetAwaiter().GetResult().Id, Nowhere),
        ];
    }

    private static object ElderBody(object regionCode) => new
    {
        name = "矩阵老人", idNumber = ElderAId, regionCode, livingArrangement = "alone", consent = new { basis = "本人同意" },
    };

    private async Task<RefWorld> ArrangeReferences()
    {
        var w = await Arrange();
        var start = app.Clock.GetUtcNow().AddDays(3);
        var order = await app.Staff.Create("/api/orders", Make.ServiceOrder(w.ElderA, w.Item, start, start.AddHours(1)));
        var loose = await app.Staff.Create("/api/providers", new { name = "矩阵机构A2", unitCode = Make.Changyuan });
        var free = await app.User(Role.Caregiver, name: "matrix.carer.free");
        var ofB = await app.User(Role.Caregiver, name: "matrix.carer.b");
        // The first arrangement links the account to a worker of 盘龙镇; later ones find it taken, which is as good.
        await app.Staff.PostJson("/api/workers",
            Make.Worker(w.Services.ProviderB, "盘龙护理员", "13900002222", regionCodes: [Make.Panlong], userName: ofB.UserName));
        var day = DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime).AddDays(40);
        return new RefWorld(w, order, loose, free.UserName!, ofB.UserName!, day);
    }

    /// <summary>What the answer says about the field: status, the field's messages (or the detail), the value itself masked.</summary>
    private static async Task<string> Answer(HttpResponseMessage r, string field, object value)
    {
        var status = (int)r.StatusCode;
        var text = await r.Content.ReadAsStringAsync();
        string said = "";
        if (status is 400 or 404 or 409 && text.StartsWith('{'))
        {
            var json = JsonDocument.Parse(text).RootElement;
            said = json.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var m) ? string.Join("|",
                m.EnumerateArray().Select(x => x.GetString()))
                : status == 400 ? "" : json.TryGetProperty("detail", out var d) ? d.GetString() ?? "" : "";
        }
        foreach (var v in value is string[] many ? many : [value.ToString()!]) said = said.Replace(v, "{value}", StringComparison.Ordinal);
        return $"{status} {said}";
    }

    private HttpRequestMessage RefRequest(RefRow row, RefWorld world, object value)
    {
        var method = row.Key[..row.Key.IndexOf(' ', StringComparison.Ordinal)];
        var request = new HttpRequestMessage(new HttpMethod(method), row.Path(world)) {
            Content = JsonContent.Create(row.Body(world, value), options: Http.Json) };
        if (row.Key == "POST /api/alarms/") request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return request;
    }

    [Fact]
    public async Task A_reference_in_a_body_to_another_units_object_is_answered_as_if_it_did_not_exist()
    {
        var world = await ArrangeReferences();
        var failures = new List<string>();
        foreach (var row in References())
        {
            var allowed = Matrix.Single(m => m.Key == row.Key).Allowed ?? [];
            foreach (var role in (row.Roles ?? [Role.TownOfficer, Role.Operator]).Where(allowed.Contains))
            {
                var client = await Client(role, world.W);
                var label = $"{row.Key} {row.Field} as {role}";
                var foreign = row.Foreign(world);
                var foreignResponse = await client.SendAsync(RefRequest(row, world, foreign));
                var foreignSaid = await Answer(foreignResponse, row.Field, foreign);
                var missingSaid = await Answer(await client.SendAsync(RefRequest(row, world, row.Nonexistent)), row.Field, row.Nonexistent);
                var insideSaid = await Answer(await client.SendAsync(RefRequest(row, world, row.Inside(world))), row.Field, row.Inside(world));
                if (!(foreignSaid.StartsWith("404", StringComparison.Ordinal) || foreignSaid.StartsWith("400 ", StringComparison.Ordinal)
                    && foreignSaid.Length > 4))
                    failures.Add($"{label}: another unit's object was not refused on the field: {foreignSaid}");
                else if (foreignSaid != missingSaid)
                    failures.Add($"{label}: another unit's object answered \"{foreignSaid}\", a nonexistent one \"{missingSaid}\"");
                else if (insideSaid == missingSaid)
                    failures.Add($"{label}: an object in scope was answered like a nonexistent one (\"{insideSaid}\"), so the row proves nothing");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Every unsafe endpoint, not only those whose metadata declares a body: the alarm intake reads its body
    /// itself (idempotency hash), so "has a body" cannot be told from the metadata alone; one without a body is exempt.</summary>
    [Fact]
    public void Every_unsafe_endpoint_with_a_body_has_reference_rows_or_an_exemption()
    {
        var rows = References().Select(r => r.Key).ToHashSet();
        var unsafeWithBody = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Any(m => m is not ("GET" or "HEAD" or "OPTIONS")) == true)
            .Select(KeyOf).Distinct().Order().ToList();
        var missing = unsafeWithBody.Where(k => !rows.Contains(k) && !ReferenceExemptions.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "Unsafe endpoints with a body and no reference row or exemption:\n" + string.Join("\n", missing));
        var stale = ReferenceExemptions.Keys.Concat(rows).Where(k => !unsafeWithBody.Contains(k)).ToList();
        Assert.True(stale.Count == 0, "Reference rows or exemptions with no unsafe endpoint reading a body:\n" + string.Join("\n", stale));
    }
}
