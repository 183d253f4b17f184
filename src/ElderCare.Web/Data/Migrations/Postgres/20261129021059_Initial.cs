using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ElderCare.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConstructionStandards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    MinFloorArea = table.Column<double>(type: "double precision", nullable: false),
                    MinFloorAreaSmallCommunity = table.Column<double>(type: "double precision", nullable: true),
                    MinBeds = table.Column<int>(type: "integer", nullable: false),
                    RequiredZones = table.Column<string[]>(type: "text[]", nullable: false),
                    AdvisoryMinNursingBeds = table.Column<int>(type: "integer", nullable: false),
                    AdvisoryDayCareBeds = table.Column<bool>(type: "boolean", nullable: false),
                    AdvisoryColocation = table.Column<bool>(type: "boolean", nullable: false),
                    Source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConstructionStandards", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Facilities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    StatusSince = table.Column<DateOnly>(type: "date", nullable: false),
                    FloorArea = table.Column<double>(type: "double precision", nullable: false),
                    Zones = table.Column<string[]>(type: "text[]", nullable: false),
                    OperationMode = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    OperatorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    MedicalCareMode = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    MedicalPartner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ColocatedWithHealthStation = table.Column<bool>(type: "boolean", nullable: false),
                    SmallCommunity = table.Column<bool>(type: "boolean", nullable: false),
                    HubFacilityId = table.Column<Guid>(type: "uuid", nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    OpenedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Beds_DayCare = table.Column<int>(type: "integer", nullable: false),
                    Beds_Nursing = table.Column<int>(type: "integer", nullable: false),
                    Beds_Total = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Facilities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KpiTargets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Target = table.Column<double>(type: "double precision", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    Source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KpiTargets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlanLines",
                columns: table => new
                {
                    UnitCode = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    Type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Existing = table.Column<int>(type: "integer", nullable: true),
                    ToConfirm = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Years = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanLines", x => new { x.UnitCode, x.Type });
                });

            migrationBuilder.CreateTable(
                name: "Regions",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ParentCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    VillageCount = table.Column<int>(type: "integer", nullable: true),
                    CommunityCount = table.Column<int>(type: "integer", nullable: true),
                    Population = table.Column<int>(type: "integer", nullable: true),
                    ElderlyPopulation = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Regions", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "FacilityStatusChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FacilityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FacilityStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FacilityStatusChanges_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConstructionStandards_Type_EffectiveFrom",
                table: "ConstructionStandards",
                columns: new[] { "Type", "EffectiveFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Facilities_HubFacilityId",
                table: "Facilities",
                column: "HubFacilityId");

            migrationBuilder.CreateIndex(
                name: "IX_Facilities_RegionCode",
                table: "Facilities",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_Facilities_UnitCode_Type",
                table: "Facilities",
                columns: new[] { "UnitCode", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_FacilityStatusChanges_FacilityId_On",
                table: "FacilityStatusChanges",
                columns: new[] { "FacilityId", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_KpiTargets_Key_EffectiveFrom",
                table: "KpiTargets",
                columns: new[] { "Key", "EffectiveFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Regions_ParentCode",
                table: "Regions",
                column: "ParentCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConstructionStandards");

            migrationBuilder.DropTable(
                name: "FacilityStatusChanges");

            migrationBuilder.DropTable(
                name: "KpiTargets");

            migrationBuilder.DropTable(
                name: "PlanLines");

            migrationBuilder.DropTable(
                name: "Regions");

            migrationBuilder.DropTable(
                name: "Facilities");
        }
    }
}
