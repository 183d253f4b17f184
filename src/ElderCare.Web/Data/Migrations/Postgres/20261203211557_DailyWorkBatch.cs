using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ElderCare.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DailyWorkBatch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "OverriddenAt",
                table: "ServiceOrders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OverriddenBy",
                table: "ServiceOrders",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OverrideReason",
                table: "ServiceOrders",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OverrideRule",
                table: "ServiceOrders",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OverriddenAt",
                table: "ServiceOrders");

            migrationBuilder.DropColumn(
                name: "OverriddenBy",
                table: "ServiceOrders");

            migrationBuilder.DropColumn(
                name: "OverrideReason",
                table: "ServiceOrders");

            migrationBuilder.DropColumn(
                name: "OverrideRule",
                table: "ServiceOrders");
        }
    }
}
