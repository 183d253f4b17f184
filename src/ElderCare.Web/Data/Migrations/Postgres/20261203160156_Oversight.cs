using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace ElderCare.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Oversight : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DutyEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Party = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    Duty = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Clause = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DutyEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DutyTasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    FacilityId = table.Column<Guid>(type: "uuid", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ResponsibleName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ResponsiblePhone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ResponsiblePost = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SourceKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    GapClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EvidenceIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    EscalationLevel = table.Column<int>(type: "integer", nullable: false),
                    StatusNote = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DutyTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DutyTasks_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QuarterlyReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    UnitName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UnitKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    QuarterNumber = table.Column<int>(type: "integer", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FormYear = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Narrative = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    SnapshotJson = table.Column<string>(type: "text", nullable: false),
                    SnapshotHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ReturnReason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SubmittedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ApprovedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Transitions = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuarterlyReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportForms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ConfirmedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ConfirmedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Indicators = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportForms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionChecklists",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ConfirmedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ConfirmedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Deadlines = table.Column<string>(type: "jsonb", nullable: true),
                    Items = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionChecklists", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TaskEscalationLevels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    DaysOverdue = table.Column<int>(type: "integer", nullable: false),
                    Recipient = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NotifyRole = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ToConfirm = table.Column<bool>(type: "boolean", nullable: false),
                    Source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskEscalationLevels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DutyTaskEscalations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    DaysOverdue = table.Column<int>(type: "integer", nullable: false),
                    Recipient = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Message = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    NotifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DutyTaskEscalations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DutyTaskEscalations_DutyTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "DutyTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionRounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Conductor = table.Column<string>(type: "text", nullable: false),
                    Organisation = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ChecklistId = table.Column<Guid>(type: "uuid", nullable: false),
                    OpenedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupervisionRounds_SupervisionChecklists_ChecklistId",
                        column: x => x.ChecklistId,
                        principalTable: "SupervisionChecklists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Inspections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    FacilityId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    Inspector = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    InspectedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    InspectedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Results = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Inspections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Inspections_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Inspections_SupervisionRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "SupervisionRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionFindings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InspectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    FacilityId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    ItemCode = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Severity = table.Column<string>(type: "text", nullable: false),
                    RaisedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RaisedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EvidenceIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    Repeated = table.Column<bool>(type: "boolean", nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: false),
                    RectifiedLate = table.Column<bool>(type: "boolean", nullable: false),
                    RectifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Events = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupervisionFindings_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupervisionFindings_Inspections_InspectionId",
                        column: x => x.InspectionId,
                        principalTable: "Inspections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "DutyEntries",
                columns: new[] { "Id", "Clause", "Duty", "Order", "Party", "Role", "UnitCode" },
                values: new object[,]
                {
                    { 1, "三(一)", "统筹协调、研究部署、督导推动全区社区居家养老服务全覆盖工作", 1, "区社区居家养老服务全覆盖工作领导小组", "DistrictAdmin", null },
                    { 2, "三(一)", "每季度通报工作进展情况", 2, "区社区居家养老服务全覆盖工作领导小组", "DistrictAdmin", null },
                    { 3, "三(一)", "负责领导小组日常工作；民政等区级部门加强协调配合，各司其职、各尽其责", 3, "区民政局（领导小组办公室）", "DistrictStaff", null },
                    { 4, "三(一)", "履行第一责任主体的责任，亲自研究部署，列出时间表、路线图、任务书和责任人", 4, "镇（街道）主要领导", "TownOfficer", null },
                    { 5, "三(一)", "倒排工期、打表推进，协调解决规划、选址、资金等重难点事项", 5, "镇（街道）", "TownOfficer", null },
                    { 6, "三(一)", "成立专项工作领导小组，强化考核督导，制定“履职照单免责、失职照单问责”责任清单", 6, "镇（街道）", "TownOfficer", null },
                    { 7, "三(一)", "加强服务监测分析与发展绩效评价", 7, "镇（街道）", "TownOfficer", null },
                    { 8, "三(一)", "坚持每月督办社区居家养老服务全覆盖相关工作", 8, "镇（街道）", "TownOfficer", null },
                    { 9, "三(一)", "每季度向区领导小组报送推进落实情况", 9, "镇（街道）", "TownOfficer", null },
                    { 10, "三(一)", "整合资源、科学选址，做好项目实施和监督检查工作", 10, "镇（街道）", "TownOfficer", null },
                    { 11, "三(一)", "认真做好宣传引导工作，营造敬老、为老、助老的良好社会环境", 11, "镇（街道）", "TownOfficer", null },
                    { 12, "三(二)", "对各养老服务设施的建设及运营情况进行绩效评估，评估结果作为以奖代补资金拨付的依据", 12, "第三方机构", "Evaluator", null },
                    { 13, "二(三)", "中心带站：统筹运营辖区内社区养老服务站或就近约10个社区养老服务站", 13, "街道养老服务中心运营机构", "Operator", null }
                });

            migrationBuilder.InsertData(
                table: "TaskEscalationLevels",
                columns: new[] { "Id", "DaysOverdue", "NotifyRole", "Recipient", "Source", "ToConfirm" },
                values: new object[,]
                {
                    { 1, 1, "TownOfficer", "镇街分管负责人", "占位数值，政策未规定", true },
                    { 2, 7, "DistrictStaff", "区民政局", "占位数值，政策未规定", true },
                    { 3, 30, "DistrictAdmin", "区社区居家养老服务全覆盖工作领导小组办公室", "占位数值，政策未规定", true }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Elders_UnitCode_Status_LastAssessedOn_ConditionChangedOn",
                table: "Elders",
                columns: new[] { "UnitCode", "Status", "LastAssessedOn", "ConditionChangedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DutyEntries_UnitCode",
                table: "DutyEntries",
                column: "UnitCode");

            migrationBuilder.CreateIndex(
                name: "IX_DutyTaskEscalations_NotifiedAt",
                table: "DutyTaskEscalations",
                column: "NotifiedAt");

            migrationBuilder.CreateIndex(
                name: "IX_DutyTaskEscalations_TaskId_Level",
                table: "DutyTaskEscalations",
                columns: new[] { "TaskId", "Level" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DutyTasks_FacilityId",
                table: "DutyTasks",
                column: "FacilityId");

            migrationBuilder.CreateIndex(
                name: "IX_DutyTasks_SourceKey",
                table: "DutyTasks",
                column: "SourceKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DutyTasks_Status_DueOn",
                table: "DutyTasks",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DutyTasks_UnitCode_Status_DueOn",
                table: "DutyTasks",
                columns: new[] { "UnitCode", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_FacilityId_InspectedOn",
                table: "Inspections",
                columns: new[] { "FacilityId", "InspectedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_RoundId_FacilityId",
                table: "Inspections",
                columns: new[] { "RoundId", "FacilityId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_UnitCode",
                table: "Inspections",
                column: "UnitCode");

            migrationBuilder.CreateIndex(
                name: "IX_QuarterlyReports_Status_EndsOn",
                table: "QuarterlyReports",
                columns: new[] { "Status", "EndsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_QuarterlyReports_UnitCode_Status",
                table: "QuarterlyReports",
                columns: new[] { "UnitCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_QuarterlyReports_Year_QuarterNumber_UnitCode",
                table: "QuarterlyReports",
                columns: new[] { "Year", "QuarterNumber", "UnitCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportForms_Year",
                table: "ReportForms",
                column: "Year",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionChecklists_Year",
                table: "SupervisionChecklists",
                column: "Year",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionFindings_FacilityId_RaisedAt",
                table: "SupervisionFindings",
                columns: new[] { "FacilityId", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionFindings_InspectionId",
                table: "SupervisionFindings",
                column: "InspectionId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionFindings_Status_DueAt",
                table: "SupervisionFindings",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionFindings_UnitCode",
                table: "SupervisionFindings",
                column: "UnitCode");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionRounds_ChecklistId",
                table: "SupervisionRounds",
                column: "ChecklistId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionRounds_Year_Month_Organisation",
                table: "SupervisionRounds",
                columns: new[] { "Year", "Month", "Organisation" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DutyEntries");

            migrationBuilder.DropTable(
                name: "DutyTaskEscalations");

            migrationBuilder.DropTable(
                name: "QuarterlyReports");

            migrationBuilder.DropTable(
                name: "ReportForms");

            migrationBuilder.DropTable(
                name: "SupervisionFindings");

            migrationBuilder.DropTable(
                name: "TaskEscalationLevels");

            migrationBuilder.DropTable(
                name: "DutyTasks");

            migrationBuilder.DropTable(
                name: "Inspections");

            migrationBuilder.DropTable(
                name: "SupervisionRounds");

            migrationBuilder.DropTable(
                name: "SupervisionChecklists");

            migrationBuilder.DropIndex(
                name: "IX_Elders_UnitCode_Status_LastAssessedOn_ConditionChangedOn",
                table: "Elders");
        }
    }
}
