using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ElderCare.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ElderListIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Elders_RegionCode",
                table: "Elders");

            migrationBuilder.CreateIndex(
                name: "IX_Elders_RegionCode_Name",
                table: "Elders",
                columns: new[] { "RegionCode", "Name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Elders_RegionCode_Name",
                table: "Elders");

            migrationBuilder.CreateIndex(
                name: "IX_Elders_RegionCode",
                table: "Elders",
                column: "RegionCode");
        }
    }
}
