using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Driehoek.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OutsideConversationChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CancelReason",
                table: "PlannedConversations",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CancelledAt",
                table: "PlannedConversations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "CancelledByFamily",
                table: "PlannedConversations",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "PlannedConversations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "StaffMessage",
                table: "PlannedConversations",
                type: "TEXT",
                maxLength: 500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CancelReason",
                table: "PlannedConversations");

            migrationBuilder.DropColumn(
                name: "CancelledAt",
                table: "PlannedConversations");

            migrationBuilder.DropColumn(
                name: "CancelledByFamily",
                table: "PlannedConversations");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "PlannedConversations");

            migrationBuilder.DropColumn(
                name: "StaffMessage",
                table: "PlannedConversations");
        }
    }
}
