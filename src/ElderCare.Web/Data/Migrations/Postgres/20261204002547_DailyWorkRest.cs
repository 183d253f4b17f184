using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ElderCare.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DailyWorkRest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PhoneIndex",
                table: "Elders",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReassessmentAssignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ElderId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessorId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AssignedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AssignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AssignedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReassessmentAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReassessmentAssignments_Elders_ElderId",
                        column: x => x.ElderId,
                        principalTable: "Elders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Elders_PhoneIndex",
                table: "Elders",
                column: "PhoneIndex");

            migrationBuilder.CreateIndex(
                name: "IX_ReassessmentAssignments_AssessorId",
                table: "ReassessmentAssignments",
                column: "AssessorId");

            migrationBuilder.CreateIndex(
                name: "IX_ReassessmentAssignments_ElderId",
                table: "ReassessmentAssignments",
                column: "ElderId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReassessmentAssignments");

            migrationBuilder.DropIndex(
                name: "IX_Elders_PhoneIndex",
                table: "Elders");

            migrationBuilder.DropColumn(
                name: "PhoneIndex",
                table: "Elders");
        }
    }
}
