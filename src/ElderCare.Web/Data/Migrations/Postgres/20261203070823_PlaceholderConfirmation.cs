using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ElderCare.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PlaceholderConfirmation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ConfirmedAt",
                table: "ServiceItems",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConfirmedBy",
                table: "ServiceItems",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "ServiceItems",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "占位数值，政策未规定");

            migrationBuilder.AddColumn<DateTime>(
                name: "ConfirmedAt",
                table: "MealSubsidyRates",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConfirmedBy",
                table: "MealSubsidyRates",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            // ADR 0023: seeded meal rates (source 默认值…) are placeholders; rates the district entered before are its own figures.
            migrationBuilder.Sql("UPDATE \"MealSubsidyRates\" SET \"ConfirmedAt\" = CURRENT_TIMESTAMP, \"ConfirmedBy\" = '迁移：区民政局此前录入' WHERE \"Source\" NOT LIKE '默认值%';");
            migrationBuilder.Sql("UPDATE \"MealSubsidyRates\" SET \"Source\" = '占位数值，政策未规定' WHERE \"ConfirmedAt\" IS NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ConfirmedAt",
                table: "ServiceItems");

            migrationBuilder.DropColumn(
                name: "ConfirmedBy",
                table: "ServiceItems");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "ServiceItems");

            migrationBuilder.DropColumn(
                name: "ConfirmedAt",
                table: "MealSubsidyRates");

            migrationBuilder.DropColumn(
                name: "ConfirmedBy",
                table: "MealSubsidyRates");
        }
    }
}
