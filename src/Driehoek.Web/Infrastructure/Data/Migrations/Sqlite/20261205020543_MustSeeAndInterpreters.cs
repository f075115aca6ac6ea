using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Driehoek.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MustSeeAndInterpreters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Interpreters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StaffMemberId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Interpreters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Interpreters_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Interpreters_StaffMembers_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MustSeeMarks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StaffMemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StudentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    MarkedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MarkedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    InvitedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MustSeeMarks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MustSeeMarks_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MustSeeMarks_StaffMembers_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MustSeeMarks_Students_StudentId",
                        column: x => x.StudentId,
                        principalTable: "Students",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InterpreterAssignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BookingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InterpreterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssignedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssignedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InterpreterAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InterpreterAssignments_Bookings_BookingId",
                        column: x => x.BookingId,
                        principalTable: "Bookings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InterpreterAssignments_Interpreters_InterpreterId",
                        column: x => x.InterpreterId,
                        principalTable: "Interpreters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InterpreterAssignments_BookingId",
                table: "InterpreterAssignments",
                column: "BookingId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InterpreterAssignments_InterpreterId",
                table: "InterpreterAssignments",
                column: "InterpreterId");

            migrationBuilder.CreateIndex(
                name: "IX_InterpreterAssignments_RoundId_InterpreterId",
                table: "InterpreterAssignments",
                columns: new[] { "RoundId", "InterpreterId" });

            migrationBuilder.CreateIndex(
                name: "IX_Interpreters_RoundId",
                table: "Interpreters",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_Interpreters_StaffMemberId",
                table: "Interpreters",
                column: "StaffMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_MustSeeMarks_RoundId_StaffMemberId_StudentId",
                table: "MustSeeMarks",
                columns: new[] { "RoundId", "StaffMemberId", "StudentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MustSeeMarks_RoundId_StudentId",
                table: "MustSeeMarks",
                columns: new[] { "RoundId", "StudentId" });

            migrationBuilder.CreateIndex(
                name: "IX_MustSeeMarks_StaffMemberId",
                table: "MustSeeMarks",
                column: "StaffMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_MustSeeMarks_StudentId",
                table: "MustSeeMarks",
                column: "StudentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InterpreterAssignments");

            migrationBuilder.DropTable(
                name: "MustSeeMarks");

            migrationBuilder.DropTable(
                name: "Interpreters");
        }
    }
}
