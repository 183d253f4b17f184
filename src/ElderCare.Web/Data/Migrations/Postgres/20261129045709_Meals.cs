using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ElderCare.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Meals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Kitchens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FacilityId = table.Column<Guid>(type: "uuid", nullable: true),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Kitchens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Kitchens_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MealSubsidyRates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Group = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    PerMealFen = table.Column<long>(type: "bigint", nullable: false),
                    Source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MealSubsidyRates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DiningPoints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FacilityId = table.Column<Guid>(type: "uuid", nullable: false),
                    KitchenId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: false),
                    Longitude = table.Column<double>(type: "double precision", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DiningPoints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DiningPoints_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DiningPoints_Kitchens_KitchenId",
                        column: x => x.KitchenId,
                        principalTable: "Kitchens",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FoodBatches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    KitchenId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Meal = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    SetCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    CookedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SampleTakenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SampleKeptUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SampleDisposedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FoodBatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FoodBatches_Kitchens_KitchenId",
                        column: x => x.KitchenId,
                        principalTable: "Kitchens",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Menus",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    KitchenId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Meal = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Menus", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Menus_Kitchens_KitchenId",
                        column: x => x.KitchenId,
                        principalTable: "Kitchens",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MealOrders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ElderId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Meal = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DiningPointId = table.Column<Guid>(type: "uuid", nullable: false),
                    KitchenId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    FacilityId = table.Column<Guid>(type: "uuid", nullable: false),
                    KitchenFacilityId = table.Column<Guid>(type: "uuid", nullable: true),
                    SetCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    SetName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Diets = table.Column<string[]>(type: "text[]", nullable: false),
                    PriceFen = table.Column<long>(type: "bigint", nullable: false),
                    SubsidyGroup = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    SubsidyFen = table.Column<long>(type: "bigint", nullable: false),
                    OwnShareFen = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ServedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeliveredLatitude = table.Column<double>(type: "double precision", nullable: true),
                    DeliveredLongitude = table.Column<double>(type: "double precision", nullable: true),
                    ServiceNote = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ServedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    OrderedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MealOrders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MealOrders_DiningPoints_DiningPointId",
                        column: x => x.DiningPointId,
                        principalTable: "DiningPoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MealOrders_Elders_ElderId",
                        column: x => x.ElderId,
                        principalTable: "Elders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MealProfiles",
                columns: table => new
                {
                    ElderId = table.Column<Guid>(type: "uuid", nullable: false),
                    Diets = table.Column<string[]>(type: "text[]", nullable: false),
                    DiningPointId = table.Column<Guid>(type: "uuid", nullable: false),
                    Mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SuspendedFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ResumesOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Notes = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MealProfiles", x => x.ElderId);
                    table.ForeignKey(
                        name: "FK_MealProfiles_DiningPoints_DiningPointId",
                        column: x => x.DiningPointId,
                        principalTable: "DiningPoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MealProfiles_Elders_ElderId",
                        column: x => x.ElderId,
                        principalTable: "Elders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MenuSet",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MenuId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    PriceFen = table.Column<long>(type: "bigint", nullable: false),
                    Dishes = table.Column<List<string>>(type: "text[]", nullable: false),
                    Suits = table.Column<string[]>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MenuSet", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MenuSet_Menus_MenuId",
                        column: x => x.MenuId,
                        principalTable: "Menus",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DiningPoints_FacilityId",
                table: "DiningPoints",
                column: "FacilityId");

            migrationBuilder.CreateIndex(
                name: "IX_DiningPoints_KitchenId",
                table: "DiningPoints",
                column: "KitchenId");

            migrationBuilder.CreateIndex(
                name: "IX_DiningPoints_UnitCode",
                table: "DiningPoints",
                column: "UnitCode");

            migrationBuilder.CreateIndex(
                name: "IX_FoodBatches_KitchenId_Date_Meal",
                table: "FoodBatches",
                columns: new[] { "KitchenId", "Date", "Meal" });

            migrationBuilder.CreateIndex(
                name: "IX_Kitchens_FacilityId",
                table: "Kitchens",
                column: "FacilityId");

            migrationBuilder.CreateIndex(
                name: "IX_Kitchens_UnitCode",
                table: "Kitchens",
                column: "UnitCode");

            migrationBuilder.CreateIndex(
                name: "IX_MealOrders_DiningPointId_Date_Meal",
                table: "MealOrders",
                columns: new[] { "DiningPointId", "Date", "Meal" });

            migrationBuilder.CreateIndex(
                name: "IX_MealOrders_ElderId_Date_Meal",
                table: "MealOrders",
                columns: new[] { "ElderId", "Date", "Meal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MealOrders_KitchenId_Date_Meal",
                table: "MealOrders",
                columns: new[] { "KitchenId", "Date", "Meal" });

            migrationBuilder.CreateIndex(
                name: "IX_MealProfiles_DiningPointId",
                table: "MealProfiles",
                column: "DiningPointId");

            migrationBuilder.CreateIndex(
                name: "IX_MealSubsidyRates_Group_EffectiveFrom",
                table: "MealSubsidyRates",
                columns: new[] { "Group", "EffectiveFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Menus_KitchenId_Date_Meal",
                table: "Menus",
                columns: new[] { "KitchenId", "Date", "Meal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MenuSet_MenuId_Code",
                table: "MenuSet",
                columns: new[] { "MenuId", "Code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FoodBatches");

            migrationBuilder.DropTable(
                name: "MealOrders");

            migrationBuilder.DropTable(
                name: "MealProfiles");

            migrationBuilder.DropTable(
                name: "MealSubsidyRates");

            migrationBuilder.DropTable(
                name: "MenuSet");

            migrationBuilder.DropTable(
                name: "DiningPoints");

            migrationBuilder.DropTable(
                name: "Menus");

            migrationBuilder.DropTable(
                name: "Kitchens");
        }
    }
}
