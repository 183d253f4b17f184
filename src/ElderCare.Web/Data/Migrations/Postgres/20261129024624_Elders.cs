using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ElderCare.Web.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    IdNumberProtected = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IdNumberIndex = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Sex = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    PhoneProtected = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    LivingArrangement = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Categories = table.Column<string[]>(type: "text[]", nullable: false),
                    FamilyDoctorName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    FamilyDoctorInstitution = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    FamilyDoctorSince = table.Column<DateOnly>(type: "date", nullable: true),
                    ConsentBasis = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ConsentOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ConsentRecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StatusOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CurrentLevel = table.Column<int>(type: "integer", nullable: true),
                    LastAssessedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ConditionChangedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EmergencyContacts = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Elders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Assessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ElderId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Assessors = table.Column<List<string>>(type: "text[]", nullable: false),
                    ItemsProtected = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Coma = table.Column<bool>(type: "boolean", nullable: false),
                    DiagnosedMentalDisorder = table.Column<bool>(type: "boolean", nullable: false),
                    RiskEvents30d = table.Column<int>(type: "integer", nullable: false),
                    SelfCare = table.Column<int>(type: "integer", nullable: false),
                    Motor = table.Column<int>(type: "integer", nullable: false),
                    Mental = table.Column<int>(type: "integer", nullable: false),
                    Perception = table.Column<int>(type: "integer", nullable: false),
                    Total = table.Column<int>(type: "integer", nullable: false),
                    InitialLevel = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
