using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Driehoek.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TasksAndReportGrades : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ContactRules",
                columns: table => new
                {
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LowGradeOn = table.Column<bool>(type: "INTEGER", nullable: false),
                    LowGradeBelow = table.Column<int>(type: "INTEGER", nullable: false),
                    LowGradeDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangeOn = table.Column<bool>(type: "INTEGER", nullable: false),
                    ChangeAtLeast = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangeDays = table.Column<int>(type: "INTEGER", nullable: false),
                    WindowOn = table.Column<bool>(type: "INTEGER", nullable: false),
                    WindowStartMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    WindowEndMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    PositiveOn = table.Column<bool>(type: "INTEGER", nullable: false),
                    PositiveWeeks = table.Column<int>(type: "INTEGER", nullable: false),
                    EscalateAfterDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactRules", x => x.SchoolId);
                    table.ForeignKey(
                        name: "FK_ContactRules_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GradeImport",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    ErrorCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Preview = table.Column<string>(type: "TEXT", nullable: false),
                    FailureReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    TasksCreated = table.Column<int>(type: "INTEGER", nullable: false),
                    UploadedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GradeImport", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GradeImport_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StaffQuietHours",
                columns: table => new
                {
                    StaffMemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Start = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    End = table.Column<TimeOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffQuietHours", x => x.StaffMemberId);
                    table.ForeignKey(
                        name: "FK_StaffQuietHours_StaffMembers_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StaffTask",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InformedId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StudentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Period = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    DoneAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DoneById = table.Column<Guid>(type: "TEXT", nullable: true),
                    DoneNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    EscalatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EscalatedToId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffTask", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffTask_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_StaffTask_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StaffTask_StaffMembers_EscalatedToId",
                        column: x => x.EscalatedToId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_StaffTask_StaffMembers_InformedId",
                        column: x => x.InformedId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_StaffTask_StaffMembers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StaffTask_Students_StudentId",
                        column: x => x.StudentId,
                        principalTable: "Students",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportGrade",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StudentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Hundredths = table.Column<int>(type: "INTEGER", nullable: false),
                    ImportId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportGrade", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportGrade_GradeImport_ImportId",
                        column: x => x.ImportId,
                        principalTable: "GradeImport",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ReportGrade_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReportGrade_Students_StudentId",
                        column: x => x.StudentId,
                        principalTable: "Students",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GradeImport_SchoolId_UploadedAt",
                table: "GradeImport",
                columns: new[] { "SchoolId", "UploadedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportGrade_ImportId",
                table: "ReportGrade",
                column: "ImportId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportGrade_SchoolId",
                table: "ReportGrade",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportGrade_StudentId_Subject_Period",
                table: "ReportGrade",
                columns: new[] { "StudentId", "Subject", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StaffTask_EscalatedToId",
                table: "StaffTask",
                column: "EscalatedToId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffTask_GroupId",
                table: "StaffTask",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffTask_InformedId",
                table: "StaffTask",
                column: "InformedId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffTask_OwnerId_State_DueOn",
                table: "StaffTask",
                columns: new[] { "OwnerId", "State", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_StaffTask_SchoolId_Kind_SourceKey",
                table: "StaffTask",
                columns: new[] { "SchoolId", "Kind", "SourceKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StaffTask_SchoolId_State_DueOn",
                table: "StaffTask",
                columns: new[] { "SchoolId", "State", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_StaffTask_StudentId",
                table: "StaffTask",
                column: "StudentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContactRules");

            migrationBuilder.DropTable(
                name: "ReportGrade");

            migrationBuilder.DropTable(
                name: "StaffQuietHours");

            migrationBuilder.DropTable(
                name: "StaffTask");

            migrationBuilder.DropTable(
                name: "GradeImport");
        }
    }
}
