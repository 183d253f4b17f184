using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ElderCare.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ElderLastVerifiedVisit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Elders_UnitCode_Status_LastAssessedOn_ConditionChangedOn",
                table: "Elders");

            migrationBuilder.AddColumn<DateTime>(
                name: "LastVerifiedVisitAt",
                table: "Elders",
                type: "timestamp with time zone",
                nullable: true);

            // The elders' last verified visit from their orders (ServiceContacts keeps it in step from here on).
            migrationBuilder.Sql("""
                UPDATE "Elders" SET "LastVerifiedVisitAt" = v.last
                FROM (SELECT "ElderId", max("WindowStart") AS last FROM "ServiceOrders"
                      WHERE "Status" = 'Completed' AND "Verification" = 'Verified' GROUP BY "ElderId") AS v
                WHERE v."ElderId" = "Elders"."Id"
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Elders_UnitCode_Status_LastAssessedOn_ConditionChangedOn",
                table: "Elders",
                columns: new[] { "UnitCode", "Status", "LastAssessedOn", "ConditionChangedOn" })
                .Annotation("Npgsql:IndexInclude", new[] { "Id", "BirthDate", "CurrentLevel", "LivingArrangement", "Categories", "Latitude", "Longitude", "LastVerifiedVisitAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Elders_UnitCode_Status_LastAssessedOn_ConditionChangedOn",
                table: "Elders");

            migrationBuilder.DropColumn(
                name: "LastVerifiedVisitAt",
                table: "Elders");

            migrationBuilder.CreateIndex(
                name: "IX_Elders_UnitCode_Status_LastAssessedOn_ConditionChangedOn",
                table: "Elders",
                columns: new[] { "UnitCode", "Status", "LastAssessedOn", "ConditionChangedOn" })
                .Annotation("Npgsql:IndexInclude", new[] { "Id", "BirthDate", "CurrentLevel", "LivingArrangement", "Categories", "Latitude", "Longitude" });
        }
    }
}
