using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ElderCare.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Elders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Elders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    IdNumberProtected = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IdNumberIndex = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    PhoneProtected = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    LivingArrangement = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Categories = table.Column<string>(type: "TEXT", nullable: false),
                    FamilyDoctorName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    FamilyDoctorInstitution = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FamilyDoctorSince = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ConsentBasis = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ConsentOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ConsentRecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StatusOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CurrentLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    LastAssessedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ConditionChangedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EmergencyContacts = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Elders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Assessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ElderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssessedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Assessors = table.Column<string>(type: "TEXT", nullable: false),
                    ItemsProtected = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Coma = table.Column<bool>(type: "INTEGER", nullable: false),
                    DiagnosedMentalDisorder = table.Column<bool>(type: "INTEGER", nullable: false),
                    RiskEvents30d = table.Column<int>(type: "INTEGER", nullable: false),
                    SelfCare = table.Column<int>(type: "INTEGER", nullable: false),
                    Motor = table.Column<int>(type: "INTEGER", nullable: false),
                    Mental = table.Column<int>(type: "INTEGER", nullable: false),
                    Perception = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    InitialLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assessments_Elders_ElderId",
                        column: x => x.ElderId,
                        principalTable: "Elders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_ElderId_AssessedOn",
                table: "Assessments",
                columns: new[] { "ElderId", "AssessedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Elders_IdNumberIndex",
                table: "Elders",
                column: "IdNumberIndex",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Elders_Name",
                table: "Elders",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Elders_RegionCode",
                table: "Elders",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_Elders_UnitCode_BirthDate",
                table: "Elders",
                columns: new[] { "UnitCode", "BirthDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Assessments");

            migrationBuilder.DropTable(
                name: "Elders");
        }
    }
}
