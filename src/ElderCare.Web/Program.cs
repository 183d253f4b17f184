using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Account;
using ElderCare.Web.Features.Alarms;
using ElderCare.Web.Features.Map;
using ElderCare.Web.Features.Assessments;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Features.Coverage;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Features.Evidence;
using ElderCare.Web.Features.Evaluations;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Meals;
using ElderCare.Web.Features.FamilyBeds;
using ElderCare.Web.Features.Subsidies;
using ElderCare.Web.Features.Plan;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Features.Services;
using ElderCare.Web.Features.Users;
using ElderCare.Web.Features.Todo; // Tasks: the to-do centre's API
using ElderCare.Web.Infrastructure.Web;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = StartChecks.ContentRoot(args) });
builder.AddElderCare();
var app = builder.Build();

if (ValidatedOptions.Problems(app.Services) is { } badSettings) return StartChecks.Refuse(badSettings); // ADR 25

if (await AdminCommands.TryRunAsync(app, args) is { } exitCode) return exitCode;

app.UseElderCare();
var api = app.MapGroup("/api");
api.MapAuthApi();
api.MapUsersApi();
api.MapAuditApi();
api.MapRegionsApi();
api.MapFacilitiesApi();
api.MapPlanApi();
api.MapCoverageApi();
api.MapEldersApi();
api.MapPriorityRulesApi();
api.MapElderImportApi();
api.MapAssessmentsApi();
api.MapMealsApi();
api.MapAlarmsApi();
app.MapHub<AlarmHub>(AlarmHub.Path);
api.MapServicesApi();
api.MapFamilyBedsApi();
api.MapEvidenceApi();
api.MapEvaluationsApi();
api.MapSubsidiesApi();
api.MapMapApi(); // Map: base-map tiles
ElderCare.Web.Features.Public.PublicApi.MapPublicApi(api); // Public map: nearest facilities, no sign-in
ElderCare.Web.Features.Supervision.SupervisionApi.MapSupervisionApi(api); // Supervision (三(一) monthly supervision)
ElderCare.Web.Features.Reports.ReportsApi.MapReportsApi(api); // Reports: quarterly reports and bulletins
// Tasks and the to-do centre (三(一)): task lists, duty lists, escalation, the to-do count
ElderCare.Web.Features.Tasks.TasksApi.MapTasksApi(api).MapTodoApi();
ElderCare.Web.Features.Integrations.IntegrationsApi.MapIntegrationsApi(api); // Integrations (clients): API clients, OAuth token
ElderCare.Web.Features.Outbound.OutboundApi.MapOutboundApi(api); // Outbound: webhooks, delivery log, SMS receipts (ADR 29)
ElderCare.Web.Features.Services.VisitProofApi.MapVisitProofApi(api); // Phones in the field: checklists, visit photos and proof
ElderCare.Web.Features.Search.SearchApi.MapSearchApi(api); // Lists and search: the header search box
app.MapHealth();
app.MapRazorPages();

if (await app.PrepareDatabaseAsync() is { } refused) return refused;
await app.RunAsync();
return 0;

public partial class Program;
