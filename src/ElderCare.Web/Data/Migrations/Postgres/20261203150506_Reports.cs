using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ElderCare.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Reports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "QuarterlyReports");

            migrationBuilder.DropTable(
                name: "ReportForms");
        }
    }
}
