using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Driehoek.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddAgreements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Agreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StudentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BookingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    What = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Why = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    How = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CheckOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Owner = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerGuardianId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OwnerStaffMemberId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    StatusChangedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    StatusChangedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AnnouncedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReminderSentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Agreements_Students_StudentId",
                        column: x => x.StudentId,
                        principalTable: "Students",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgreementSettings",
                columns: table => new
                {
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StudentsSee = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReminderDaysBefore = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementSettings", x => x.SchoolId);
                    table.ForeignKey(
                        name: "FK_AgreementSettings_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgreementResponses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ByStudent = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Reaction = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReactedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementResponses_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgreementResponses_AgreementId_UserId",
                table: "AgreementResponses",
                columns: new[] { "AgreementId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_BookingId",
                table: "Agreements",
                column: "BookingId");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_Status_CheckOn",
                table: "Agreements",
                columns: new[] { "Status", "CheckOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_StudentId_Status",
                table: "Agreements",
                columns: new[] { "StudentId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgreementResponses");

            migrationBuilder.DropTable(
                name: "AgreementSettings");

            migrationBuilder.DropTable(
                name: "Agreements");
        }
    }
}
