using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ElderCare.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DailyWork : Migration
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

            migrationBuilder.CreateTable(
                name: "ServiceChecklists",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Steps = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceChecklists", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VisitAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitAttachments_ServiceOrders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "ServiceOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VisitProofs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CheckInSource = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CheckInAccuracy = table.Column<double>(type: "REAL", nullable: true),
                    CheckInReason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CheckOutSource = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    CheckOutAccuracy = table.Column<double>(type: "REAL", nullable: true),
                    CheckOutReason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ChecklistSteps = table.Column<string>(type: "TEXT", nullable: false),
                    ChecklistTicked = table.Column<string>(type: "TEXT", nullable: false),
                    SignatureId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitProofs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitProofs_ServiceOrders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "ServiceOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceChecklists_ItemCode",
                table: "ServiceChecklists",
                column: "ItemCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VisitAttachments_OrderId_Sha256",
                table: "VisitAttachments",
                columns: new[] { "OrderId", "Sha256" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VisitProofs_OrderId",
                table: "VisitProofs",
                column: "OrderId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ServiceChecklists");

            migrationBuilder.DropTable(
                name: "VisitAttachments");

            migrationBuilder.DropTable(
                name: "VisitProofs");

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
