using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ElderCare.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ElderLastVerifiedVisit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "LastVerifiedVisitAt",
                table: "Elders",
                type: "TEXT",
                nullable: true);

            // The elders' last verified visit from their orders (ServiceContacts keeps it in step from here on).
            migrationBuilder.Sql("""
                UPDATE "Elders" SET "LastVerifiedVisitAt" = v.last
                FROM (SELECT "ElderId", max("WindowStart") AS last FROM "ServiceOrders"
                      WHERE "Status" = 'Completed' AND "Verification" = 'Verified' GROUP BY "ElderId") AS v
                WHERE v."ElderId" = "Elders"."Id"
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LastVerifiedVisitAt",
                table: "Elders");
        }
    }
}
