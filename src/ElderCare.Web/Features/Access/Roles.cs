namespace ElderCare.Web.Features.Access;

/// <summary>DESIGN.md roles. JSON and configuration use the kebab-case names (district-admin, town-officer …).</summary>
public enum Role { DistrictAdmin, DistrictStaff, TownOfficer, Operator, Caregiver, Evaluator, Auditor }

/// <summary>What each role may do (function level); what it may see is <see cref="DataScope"/> (data level).</summary>
public static class Roles
{
    public static string Of(Role r) => r switch
    {
        Role.DistrictAdmin => "全区管理员",
        Role.DistrictStaff => "区民政局",
        Role.TownOfficer => "镇街",
        Role.Operator => "服务机构",
        Role.Caregiver => "护理员",
        Role.Evaluator => "第三方评估",
        Role.Auditor => "审计",
        _ => r.ToString(),
    };

    /// <summary>等保 8.1.4.1 a: privileged roles change their password every 90 days.</summary>
    public static bool IsPrivileged(Role r) => r is Role.DistrictAdmin or Role.DistrictStaff or Role.Auditor;

    /// <summary>等保 8.1.4.1 d: two-factor sign-in for the administrator and anyone allowed to unmask personal data.</summary>
    public static bool RequiresTwoFactor(Role r, bool canUnmask) => r == Role.DistrictAdmin || canUnmask;

    /// <summary>Whether a signed-in principal's role is allowed by a policy (for pages: show a button, refuse a post).</summary>
    public static bool Allows(System.Security.Claims.ClaimsPrincipal user, string policy) =>
        Policies.Allowed[policy].Any(r => user.IsInRole(Infrastructure.Web.EnumText.Of(r)));

    /// <summary>Where a role starts: the dashboard for those who read coverage, else its own work.</summary>
    public static string Home(System.Security.Claims.ClaimsPrincipal user) =>
        Allows(user, Policies.ReadCoverage) ? "/" : Allows(user, Policies.ReadFacilities) ? "/facilities" : Allows(user, Policies.ReadAudit)
            ? "/audit"
        : Allows(user, Policies.DeliverVisits) ? "/caregiver" : "/account";

    /// <summary>Policy names of <see cref="Policies"/>; each maps to the roles allowed.</summary>
    public static class Policies
    {
        public const string ReadFacilities = "facilities.read";
        public const string WriteFacilities = "facilities.write";
        public const string ReadRegions = "regions.read";
        public const string WriteRegions = "regions.write";
        public const string ChangeRegionCodes = "regions.code";
        public const string ReadPlan = "plan.read";
        public const string WritePlan = "plan.write";
        public const string ReadCoverage = "coverage.read";
        public const string ReadElders = "elders.read";
        public const string WriteElders = "elders.write";
        public const string AssessElders = "elders.assess";
        public const string ManageUsers = "users.manage";
        public const string ReadAudit = "audit.read";
        public const string ReadMeals = "meals.read";
        public const string WriteMeals = "meals.write";
        public const string ManageMealSites = "meals.sites";
        public const string WriteMealRates = "meals.rates";
        public const string ManageDevices = "devices.manage";
        public const string HandleAlarms = "alarms.handle";
        public const string ReadAlarmReports = "alarms.reports";
        public const string ReadServices = "services.read";
        public const string WriteOrders = "services.orders";
        public const string DeliverVisits = "services.visits";
        public const string ManageWorkers = "services.workers";
        public const string ManageProviders = "services.providers";
        public const string EditCatalogue = "services.catalogue";
        public const string ReviewVisits = "services.review";
        public const string ReadFamilyBeds = "family-beds.read";
        public const string WriteFamilyBeds = "family-beds.write";
        public const string ReadMealBilling = "meals.billing";
        public const string EditPriorityRules = "elders.priority-rules";
        // Evaluations (三(二)(三)): read, manage (district), score (third-party evaluators), object (the facility's side).
        public const string ReadEvaluations = "evaluations.read";
        public const string ManageEvaluations = "evaluations.manage";
        public const string ScoreEvaluations = "evaluations.score";
        public const string ObjectToEvaluations = "evaluations.object";
        // Subsidies, fees and the ledger (三(二)(三))
        public const string ReadSubsidies = "subsidies.read";
        public const string ReviewSubsidies = "subsidies.review";
        public const string ManageSubsidies = "subsidies.manage";
        public const string WritePlacements = "subsidies.placements";
        // Supervision (三(一) monthly supervision): read (the auditor too), manage rounds and the checklist (district), inspect and
        // re-inspect (district or the contracted third party), rectify (the facility's operator or its town).
        public const string ReadSupervision = "supervision.read";
        public const string ManageSupervision = "supervision.manage";
        public const string InspectFacilities = "supervision.inspect";
        public const string RectifyFindings = "supervision.rectify";
        // Reports: quarterly reports and bulletins (三、保障措施)
        public const string ReadReports = "reports.read";
        public const string SubmitReports = "reports.submit";
        public const string ApproveReports = "reports.approve";
        public const string ReadBulletins = "reports.bulletin";
        // Tasks and the to-do centre (三(一)): the district gives and generates tasks; towns and operators work them; everyone has a to-do list.
        public const string ReadTasks = "tasks.read";
        public const string ManageTasks = "tasks.manage";
        public const string WorkTasks = "tasks.work";
        public const string ReadTodo = "todo.read";
        // Integrations (clients): integration accounts, their secrets and revocation are the administrator's (ADR 29).
        public const string ManageIntegrations = "integrations.manage";
        // Outbound: webhook subscriptions and the delivery log (ADR 29)
        public const string ManageWebhooks = "integrations.webhooks";
        // The API reference (/api-docs) is for the roles that work with the API: not for a caregiver on a phone.
        public const string ReadApiDocs = "api.docs";

        public static readonly IReadOnlyDictionary<string, Role[]> Allowed = new Dictionary<string, Role[]>
        {
            [ReadFacilities] = [Role.DistrictAdmin, Role.DistrictStaff, Role.TownOfficer, Role.Operator, Role.Evaluator],
            [WriteFacilities] = [Role.DistrictAdmin, Role.DistrictStaff, Role.TownOfficer],
            [ReadRegions] = [Role.DistrictAdmin, Role.DistrictStaff, Role.TownOfficer, Role.Operator, Role.Evaluator],
            [WriteRegions] = [Role.DistrictAdmin, Role.DistrictStaff, Role.TownOfficer],
            // A code is the key every record is filed under; only the district corrects it (ADR 0021).
            [ChangeRegionCodes] = [Role.DistrictAdmin, Role.DistrictStaff],
            [ReadPlan] = [Role.DistrictAdmin, Role.DistrictStaff, Role.TownOfficer, Role.Evaluator],
            [WritePlan] = [Role.DistrictAdmin, Role.DistrictStaff],
            [ReadCoverage] = [Role.DistrictAdmin, Role.DistrictStaff, Role.TownOfficer, Role.Evaluator],
            [ReadElders] = [Role.DistrictAdmin, Role.DistrictStaff, Role.TownOfficer, Role.Operator, Role.Evaluator],
            [WriteElders] = [Role.DistrictAdmin, Role.DistrictStaff, Role.TownOfficer],
            // 第三方评估机构 assess; district and town staff may enter an assessment made on paper.
            [AssessElders] = [Role.DistrictAdmin, Role.DistrictStaff, Role.TownOfficer, Role.Evaluator],
            [ManageUsers] = [Role.DistrictAdmin],
            // 等保 8.1.4.2 c: separation of duties — the administrator does not read the audit trail.
            [ReadAudit] = [Role.Auditor],
            // 助餐: operators run kitchens and dining points (menus, orders, check-in, delivery, food safety); officials
            // register the sites; the district sets the subsidy rates.
            [ReadMeals] = [Role.DistrictAdmin, Role.DistrictStaff, Role.TownOfficer, Role.Operator, Role.Evaluator],
            [WriteMeals] = [Role.DistrictAdmin, Role.DistrictStaff, Role.TownOfficer, Role.Operator],
            [ManageMealSites] = [Role.DistrictAdmin, Role.DistrictStaff, Role.TownOfficer],
            [WriteMealRates] = [Role.DistrictAdmin, Role.DistrictStaff],
            // 重点人群规则 are the district's (ADR 0018).
            [EditPriorityRules] = [Role.DistrictAdmin, Role.DistrictStaff],
            // Emergency rescue: the district duty desk, the street or town, and the stations (服务机构) answer alarms.
            [ManageDevices] = [Role.DistrictAdmin, Role.DistrictStaff, Role.TownOfficer, Role.Operator],
            [HandleAlarms] = [Role.DistrictAdmin, Role.DistrictStaff, Role.TownOfficer, Role.Operator],
            [ReadAlarmReports] = [Role.DistrictAdmin, Role.DistrictStaff, Role.TownOfficer, Role.Evaluator],
            // Services: a caregiver reads and works only their own orders (DataScope.Own).
            [ReadServices] = [Role.DistrictAdmin, Role.DistrictStaff, Role.TownOfficer, Role.Operator, Role.Caregiver, Role.Evaluator],
            [WriteOrders] = [Role.DistrictAdmin, Role.DistrictStaff, Role.TownOfficer, Role.Operator],
            [DeliverVisits] = [Role.Caregiver, Role.Operator],
            [ManageWorkers] = [Role.DistrictAdmin, Role.DistrictStaff, Role.TownOfficer, Role.Operator],
            [ManageProviders] = [Role.DistrictAdmin, Role.DistrictStaff, Role.TownOfficer],
            [EditCatalogue] = [Role.DistrictAdmin, Role.DistrictStaff],
            // Reviewing a flagged visit is an officer's call (district or town), never the provider's own.
            [ReviewVisits] = [Role.DistrictAdmin, Role.DistrictStaff, Role.TownOfficer],
            [ReadFamilyBeds] = [Role.DistrictAdmin, Role.DistrictStaff, Role.TownOfficer, Role.Operator, Role.Evaluator],
            [WriteFamilyBeds] = [Role.DistrictAdmin, Role.DistrictStaff, Role.TownOfficer],
            // Monthly meal billing (price, subsidy, own share): those who pay or are paid, not the evaluators.
            [ReadMealBilling] = [Role.DistrictAdmin, Role.DistrictStaff, Role.TownOfficer, Role.Operator],
            // Evaluations (三(二)(三)): the district opens rounds, assigns and approves; the evaluators score their own sheets;
            // the facility (its operator, or the town for its unit) sees its sheets and may object once.
            [ReadEvaluations] = [Role.DistrictAdmin, Role.DistrictStaff, Role.TownOfficer, Role.Operator, Role.Evaluator],
            [ManageEvaluations] = [Role.DistrictAdmin, Role.DistrictStaff],
            [ScoreEvaluations] = [Role.Evaluator],
            [ObjectToEvaluations] = [Role.TownOfficer, Role.Operator],
            // Subsidies, fees and the ledger (三(二)(三)): the operator sees its own amounts; the street or town reviews its
            // unit's claims; the district claims, approves, batches and pays.
            [ReadSubsidies] = [Role.DistrictAdmin, Role.DistrictStaff, Role.TownOfficer, Role.Operator],
            [ReviewSubsidies] = [Role.TownOfficer],
            [ManageSubsidies] = [Role.DistrictAdmin, Role.DistrictStaff],
            [WritePlacements] = [Role.DistrictAdmin, Role.DistrictStaff, Role.TownOfficer],
            // Supervision (三(一)): the district and the third party (evaluator accounts) inspect; the operator or town rectifies.
            [ReadSupervision] = [Role.DistrictAdmin, Role.DistrictStaff, Role.TownOfficer, Role.Operator, Role.Evaluator, Role.Auditor],
            [ManageSupervision] = [Role.DistrictAdmin, Role.DistrictStaff],
            [InspectFacilities] = [Role.DistrictAdmin, Role.DistrictStaff, Role.Evaluator],
            [RectifyFindings] = [Role.TownOfficer, Role.Operator],
            // Reports (三、保障措施): the street or town writes and submits its own quarterly report; the district (the leading
            // group's office) generates, returns or approves and locks them, and issues the bulletin.
            [ReadReports] = [Role.DistrictAdmin, Role.DistrictStaff, Role.TownOfficer],
            [SubmitReports] = [Role.TownOfficer],
            [ApproveReports] = [Role.DistrictAdmin, Role.DistrictStaff],
            [ReadBulletins] = [Role.DistrictAdmin, Role.DistrictStaff],
            // Tasks (三(一)): the district sets the task list (任务书) and generates it from gaps; the street or town (第一责任主体)
            // and the facility's operator name the responsible person, move tasks on and attach evidence.
            [ReadTasks] = [Role.DistrictAdmin, Role.DistrictStaff, Role.TownOfficer, Role.Operator],
            [ManageTasks] = [Role.DistrictAdmin, Role.DistrictStaff],
            [WorkTasks] = [Role.DistrictAdmin, Role.DistrictStaff, Role.TownOfficer, Role.Operator],
            [ReadTodo] = [Role.DistrictAdmin, Role.DistrictStaff, Role.TownOfficer, Role.Operator, Role.Caregiver, Role.Evaluator, Role.Auditor],
            [ReadApiDocs] = [Role.DistrictAdmin, Role.DistrictStaff, Role.TownOfficer, Role.Operator, Role.Evaluator, Role.Auditor],
            // Integrations (clients): only the district administrator creates, rotates and revokes integration accounts.
            [ManageIntegrations] = [Role.DistrictAdmin],
            // Outbound: which systems receive which events is the district administrator's, like user accounts (ADR 29).
            [ManageWebhooks] = [Role.DistrictAdmin],
        };
    }
}
