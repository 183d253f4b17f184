using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ElderCare.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StandingOrdersAndDocumentNumbers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReportNumber",
                table: "Assessments",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DocumentNumbers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Last = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentNumbers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StandingMealOrders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ElderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Meal = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Weekdays = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DiningPointId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SetCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    FromDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PausedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PausedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StandingMealOrders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StandingMealOrders_DiningPoints_DiningPointId",
                        column: x => x.DiningPointId,
                        principalTable: "DiningPoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StandingMealOrders_Elders_ElderId",
                        column: x => x.ElderId,
                        principalTable: "Elders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DocumentNumbers_Kind_Year",
                table: "DocumentNumbers",
                columns: new[] { "Kind", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StandingMealOrders_DiningPointId",
                table: "StandingMealOrders",
                column: "DiningPointId");

            migrationBuilder.CreateIndex(
                name: "IX_StandingMealOrders_ElderId_Meal",
                table: "StandingMealOrders",
                columns: new[] { "ElderId", "Meal" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DocumentNumbers");

            migrationBuilder.DropTable(
                name: "StandingMealOrders");

            migrationBuilder.DropColumn(
                name: "ReportNumber",
                table: "Assessments");
        }
    }
}
