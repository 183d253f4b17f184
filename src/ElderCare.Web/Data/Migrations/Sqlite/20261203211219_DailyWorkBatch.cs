using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ElderCare.Web.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OverriddenBy",
                table: "ServiceOrders",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OverrideReason",
                table: "ServiceOrders",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OverrideRule",
                table: "ServiceOrders",
                type: "TEXT",
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
