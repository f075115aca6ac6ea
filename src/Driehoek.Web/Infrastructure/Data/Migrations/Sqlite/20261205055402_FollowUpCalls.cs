using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Driehoek.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FollowUpCalls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FollowUpCalls",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StudentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CalledByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CalledAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpCalls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpCalls_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpCalls_RoundId_StudentId",
                table: "FollowUpCalls",
                columns: new[] { "RoundId", "StudentId" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpCalls_SchoolId",
                table: "FollowUpCalls",
                column: "SchoolId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FollowUpCalls");
        }
    }
}
