using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ElderCare.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ElderKpiCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Elders_UnitCode_Status_LastAssessedOn_ConditionChangedOn",
                table: "Elders");

            migrationBuilder.CreateIndex(
                name: "IX_Elders_UnitCode_Status_LastAssessedOn_ConditionChangedOn",
                table: "Elders",
                columns: new[] { "UnitCode", "Status", "LastAssessedOn", "ConditionChangedOn" })
                .Annotation("Npgsql:IndexInclude", new[] { "Id", "BirthDate", "CurrentLevel", "LivingArrangement", "Categories", "Latitude", "Longitude" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Elders_UnitCode_Status_LastAssessedOn_ConditionChangedOn",
                table: "Elders");

            migrationBuilder.CreateIndex(
                name: "IX_Elders_UnitCode_Status_LastAssessedOn_ConditionChangedOn",
                table: "Elders",
                columns: new[] { "UnitCode", "Status", "LastAssessedOn", "ConditionChangedOn" });
        }
    }
}
