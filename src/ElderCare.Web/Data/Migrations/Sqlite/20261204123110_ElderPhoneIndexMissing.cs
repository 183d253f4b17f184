using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ElderCare.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ElderPhoneIndexMissing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Elders_PhoneIndexMissing",
                table: "Elders",
                column: "Id",
                filter: "\"PhoneIndex\" IS NULL AND \"PhoneProtected\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Elders_PhoneIndexMissing",
                table: "Elders");
        }
    }
}
