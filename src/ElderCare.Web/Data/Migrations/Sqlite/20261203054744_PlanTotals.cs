using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ElderCare.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlanTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ExistingOrPlanned",
                table: "PlanLines",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PlanTotals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: true),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanTotals", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PlanTotals_Type_Year",
                table: "PlanTotals",
                columns: new[] { "Type", "Year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PlanTotals");

            migrationBuilder.DropColumn(
                name: "ExistingOrPlanned",
                table: "PlanLines");
        }
    }
}
