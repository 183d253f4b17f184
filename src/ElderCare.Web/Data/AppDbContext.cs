using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Alarms;
using ElderCare.Web.Features.Assessments;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Features.Coverage;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Meals;
using ElderCare.Web.Features.Plan;
using ElderCare.Web.Features.Regions;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Data;

/// <summary>
/// The one model. Each provider has a tiny subclass with its own migrations (Migrations/Sqlite, Migrations/Postgres).
/// ADR 25: what holds for every entity is a convention, not a line per entity — keys are EF's own (a property named Id),
/// enums are stored as text (<see cref="EnumsAsText"/>); an entity configures only what is its own.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityUserContext<AppUser, Guid>(options),
    Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    /// <summary>The Data Protection key ring when <c>DataProtection:Store=Database</c> (ADR 32: every node reads the same keys).</summary>
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys =>
        Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    public DbSet<Region> Regions => Set<Region>();
    public DbSet<RegionCodeChange> RegionCodeChanges => Set<RegionCodeChange>();
    public DbSet<Facility> Facilities => Set<Facility>();
    public DbSet<FacilityStatusChange> FacilityStatusChanges => Set<FacilityStatusChange>();
    public DbSet<ConstructionStandard> ConstructionStandards => Set<ConstructionStandard>();
    public DbSet<PlanLine> PlanLines => Set<PlanLine>();
    public DbSet<PlanTotal> PlanTotals => Set<PlanTotal>();
    public DbSet<KpiTarget> KpiTargets => Set<KpiTarget>();
    public DbSet<UserSession> Sessions => Set<UserSession>();
    public DbSet<Elder> Elders => Set<Elder>();
    public DbSet<PriorityRule> PriorityRules => Set<PriorityRule>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<SecondaryAssessment> SecondaryAssessments => Set<SecondaryAssessment>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditHead> AuditHeads => Set<AuditHead>();
    public DbSet<Kitchen> Kitchens => Set<Kitchen>();
    public DbSet<DiningPoint> DiningPoints => Set<DiningPoint>();
    public DbSet<Menu> Menus => Set<Menu>();
    public DbSet<MealProfile> MealProfiles => Set<MealProfile>();
    public DbSet<MealOrder> MealOrders => Set<MealOrder>();
    public DbSet<FoodBatch> FoodBatches => Set<FoodBatch>();
    public DbSet<MealSubsidyRate> MealSubsidyRates => Set<MealSubsidyRate>();
    public DbSet<Device> Devices => Set<Device>();
    public DbSet<Alarm> Alarms => Set<Alarm>();
    public DbSet<AlarmNotification> AlarmNotifications => Set<AlarmNotification>();
    public DbSet<Features.Services.ServiceProvider> ServiceProviders => Set<Features.Services.ServiceProvider>();
    public DbSet<Features.Services.Worker> Workers => Set<Features.Services.Worker>();
    public DbSet<Features.Services.ServiceItem> ServiceItems => Set<Features.Services.ServiceItem>();
    public DbSet<Features.Services.ServiceOrder> ServiceOrders => Set<Features.Services.ServiceOrder>();
    public DbSet<Features.Services.FollowUp> FollowUps => Set<Features.Services.FollowUp>();
    public DbSet<Features.Services.Complaint> Complaints => Set<Features.Services.Complaint>();
    public DbSet<Features.FamilyBeds.FamilyCareBed> FamilyCareBeds => Set<Features.FamilyBeds.FamilyCareBed>();
    public DbSet<Features.Evaluations.EvaluationResult> EvaluationResults => Set<Features.Evaluations.EvaluationResult>();
    // Evaluations (三(二)(三)): templates, rounds, sheets and their scores.
    public DbSet<Features.Evaluations.EvaluationTemplate> EvaluationTemplates => Set<Features.Evaluations.EvaluationTemplate>();
    public DbSet<Features.Evaluations.EvaluationRound> EvaluationRounds => Set<Features.Evaluations.EvaluationRound>();
    public DbSet<Features.Evaluations.Evaluation> Evaluations => Set<Features.Evaluations.Evaluation>();
    public DbSet<Features.Evaluations.EvaluationScore> EvaluationScores => Set<Features.Evaluations.EvaluationScore>();
    // Evidence files (the money cycle's photos, PDFs and spreadsheets)
    public DbSet<Features.Evidence.EvidenceFile> EvidenceFiles => Set<Features.Evidence.EvidenceFile>();
    // Subsidies, fees and the ledger (三(二)(三))
    public DbSet<Features.Subsidies.SubsidyRule> SubsidyRules => Set<Features.Subsidies.SubsidyRule>();
    public DbSet<Features.Subsidies.LedgerLine> LedgerLines => Set<Features.Subsidies.LedgerLine>();
    public DbSet<Features.Subsidies.PaymentBatch> PaymentBatches => Set<Features.Subsidies.PaymentBatch>();
    public DbSet<Features.Subsidies.LotteryFundYear> LotteryFundYears => Set<Features.Subsidies.LotteryFundYear>();
    public DbSet<Features.Subsidies.Placement> Placements => Set<Features.Subsidies.Placement>();
    // Supervision (三(一) monthly supervision): checklists, rounds, inspections, findings.
    public DbSet<Features.Supervision.SupervisionChecklist> SupervisionChecklists => Set<Features.Supervision.SupervisionChecklist>();
    public DbSet<Features.Supervision.SupervisionRound> SupervisionRounds => Set<Features.Supervision.SupervisionRound>();
    public DbSet<Features.Supervision.Inspection> Inspections => Set<Features.Supervision.Inspection>();
    public DbSet<Features.Supervision.SupervisionFinding> SupervisionFindings => Set<Features.Supervision.SupervisionFinding>();
    // Reports: quarterly reports and their forms (三、保障措施)
    public DbSet<Features.Reports.ReportForm> ReportForms => Set<Features.Reports.ReportForm>();
    public DbSet<Features.Reports.QuarterlyReport> QuarterlyReports => Set<Features.Reports.QuarterlyReport>();
    // Tasks: task lists, escalations, escalation levels and duty lists (三(一))
    public DbSet<Features.Tasks.DutyTask> DutyTasks => Set<Features.Tasks.DutyTask>();
    public DbSet<Features.Tasks.DutyTaskEscalation> DutyTaskEscalations => Set<Features.Tasks.DutyTaskEscalation>();
    public DbSet<Features.Tasks.EscalationLevel> EscalationLevels => Set<Features.Tasks.EscalationLevel>();
    public DbSet<Features.Tasks.DutyEntry> DutyEntries => Set<Features.Tasks.DutyEntry>();
    // Integrations (clients): API clients, their hashed secrets and client-credentials tokens (ADR 29)
    public DbSet<Features.Integrations.ApiClient> ApiClients => Set<Features.Integrations.ApiClient>();
    public DbSet<Features.Integrations.ApiClientSecret> ApiClientSecrets => Set<Features.Integrations.ApiClientSecret>();
    public DbSet<Features.Integrations.ApiClientToken> ApiClientTokens => Set<Features.Integrations.ApiClientToken>();
    // Outbound: the outbox of SMS and webhook deliveries, and the webhook subscriptions (ADR 29)
    public DbSet<Features.Outbound.OutboxMessage> Outbox => Set<Features.Outbound.OutboxMessage>();
    // Document numbers: the 文号 sequences (公文编号)
    public DbSet<Infrastructure.Documents.DocumentNumber> DocumentNumbers => Set<Infrastructure.Documents.DocumentNumber>();
    public DbSet<Features.Outbound.WebhookSubscription> WebhookSubscriptions => Set<Features.Outbound.WebhookSubscription>();
    // Phones in the field: how a visit's positions were taken, its checklist, photos and signature; checklists per item
    public DbSet<Features.Services.VisitProof> VisitProofs => Set<Features.Services.VisitProof>();
    public DbSet<Features.Services.VisitAttachment> VisitAttachments => Set<Features.Services.VisitAttachment>();
    public DbSet<Features.Services.ServiceChecklist> ServiceChecklists => Set<Features.Services.ServiceChecklist>();
    // Standing meal orders (daily work: regular diners)
    public DbSet<Features.Meals.StandingMealOrder> StandingMealOrders => Set<Features.Meals.StandingMealOrder>();
    // Map data: unit boundaries and the district's candidate sites
    public DbSet<Features.Map.UnitBoundary> UnitBoundaries => Set<Features.Map.UnitBoundary>();
    public DbSet<Features.Map.CandidateSite> CandidateSites => Set<Features.Map.CandidateSite>();
    // Daily work (the rest): batch assignment of due reassessments
    public DbSet<Features.Assessments.ReassessmentAssignment> ReassessmentAssignments => Set<Features.Assessments.ReassessmentAssignment>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Conventions.Add(_ => new EnumsAsText());
        configurationBuilder.Conventions.Add(_ => new GuidKeysFromCode());
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder); // Identity's tables
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
