using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Driehoek.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RolloverYear : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LastYearReadDays",
                table: "Schools",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "HandoverFollowsStudent",
                table: "Boards",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "YearRollovers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromYearId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ToYearId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RolledOverAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Groups = table.Column<int>(type: "INTEGER", nullable: false),
                    Students = table.Column<int>(type: "INTEGER", nullable: false),
                    Leavers = table.Column<int>(type: "INTEGER", nullable: false),
                    StaffCarried = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_YearRollovers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_YearRollovers_SchoolYears_FromYearId",
                        column: x => x.FromYearId,
                        principalTable: "SchoolYears",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_YearRollovers_SchoolYears_ToYearId",
                        column: x => x.ToYearId,
                        principalTable: "SchoolYears",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_YearRollovers_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Leavers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StudentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolYearId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RolloverId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Leavers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Leavers_SchoolYears_SchoolYearId",
                        column: x => x.SchoolYearId,
                        principalTable: "SchoolYears",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Leavers_Students_StudentId",
                        column: x => x.StudentId,
                        principalTable: "Students",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Leavers_YearRollovers_RolloverId",
                        column: x => x.RolloverId,
                        principalTable: "YearRollovers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Leavers_RolloverId",
                table: "Leavers",
                column: "RolloverId");

            migrationBuilder.CreateIndex(
                name: "IX_Leavers_SchoolYearId",
                table: "Leavers",
                column: "SchoolYearId");

            migrationBuilder.CreateIndex(
                name: "IX_Leavers_StudentId_SchoolYearId",
                table: "Leavers",
                columns: new[] { "StudentId", "SchoolYearId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_YearRollovers_FromYearId",
                table: "YearRollovers",
                column: "FromYearId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_YearRollovers_SchoolId",
                table: "YearRollovers",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_YearRollovers_ToYearId",
                table: "YearRollovers",
                column: "ToYearId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Leavers");

            migrationBuilder.DropTable(
                name: "YearRollovers");

            migrationBuilder.DropColumn(
                name: "LastYearReadDays",
                table: "Schools");

            migrationBuilder.DropColumn(
                name: "HandoverFollowsStudent",
                table: "Boards");
        }
    }
}
