using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Driehoek.Web.Infrastructure.Data.Migrations;

[DbContext(typeof(AppDbContext))]
[Migration("20261122050000_ParentEvenings")]
public sealed class ParentEvenings : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ConversationRequests",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SchoolId = table.Column<Guid>(nullable: false),
                RoundId = table.Column<Guid>(nullable: false),
                StudentId = table.Column<Guid>(nullable: false),
                HouseholdId = table.Column<Guid>(nullable: false),
                GuardianId = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                StaffMemberId = table.Column<Guid>(nullable: true),
                Key = table.Column<string>(maxLength: 140, nullable: false),
                DoubleLength = table.Column<bool>(nullable: false),
                Topics = table.Column<string>(maxLength: 2000, nullable: true),
                TopicAreas = table.Column<int>(nullable: false),
                InterpreterLanguage = table.Column<string>(maxLength: 40, nullable: true),
                Mode = table.Column<int>(nullable: false),
                Late = table.Column<bool>(nullable: false),
                Outcome = table.Column<int>(nullable: false),
                UnplacedReason = table.Column<string>(maxLength: 80, nullable: true),
                BookingId = table.Column<Guid>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ConversationRequests", x => x.Id);
                table.ForeignKey(
                    name: "FK_ConversationRequests_Households_HouseholdId",
                    column: x => x.HouseholdId,
                    principalTable: "Households",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_ConversationRequests_Rounds_RoundId",
                    column: x => x.RoundId,
                    principalTable: "Rounds",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_ConversationRequests_StaffMembers_StaffMemberId",
                    column: x => x.StaffMemberId,
                    principalTable: "StaffMembers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_ConversationRequests_Students_StudentId",
                    column: x => x.StudentId,
                    principalTable: "Students",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "RoundSessions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SchoolId = table.Column<Guid>(nullable: false),
                RoundId = table.Column<Guid>(nullable: false),
                Date = table.Column<DateOnly>(nullable: false),
                Start = table.Column<TimeOnly>(nullable: false),
                End = table.Column<TimeOnly>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RoundSessions", x => x.Id);
                table.ForeignKey(
                    name: "FK_RoundSessions_Rounds_RoundId",
                    column: x => x.RoundId,
                    principalTable: "Rounds",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ScheduleRuns",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SchoolId = table.Column<Guid>(nullable: false),
                RoundId = table.Column<Guid>(nullable: false),
                Status = table.Column<int>(nullable: false),
                RunningKey = table.Column<string>(maxLength: 40, nullable: true),
                PublishedKey = table.Column<string>(maxLength: 40, nullable: true),
                TimeBudgetSeconds = table.Column<int>(nullable: false),
                MaxConsecutive = table.Column<int>(nullable: true),
                Seed = table.Column<int>(nullable: false),
                Instance = table.Column<string>(nullable: false),
                Labels = table.Column<string>(nullable: false),
                Solution = table.Column<string>(nullable: true),
                Metrics = table.Column<string>(maxLength: 2000, nullable: true),
                Failure = table.Column<string>(maxLength: 4000, nullable: true),
                Moves = table.Column<int>(nullable: false),
                StartedBy = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                StartedAt = table.Column<DateTime>(nullable: true),
                FinishedAt = table.Column<DateTime>(nullable: true),
                EditedAt = table.Column<DateTime>(nullable: true),
                PublishedAt = table.Column<DateTime>(nullable: true),
                PublishedBy = table.Column<Guid>(nullable: true),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ScheduleRuns", x => x.Id);
                table.ForeignKey(
                    name: "FK_ScheduleRuns_Rounds_RoundId",
                    column: x => x.RoundId,
                    principalTable: "Rounds",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "FamilySessions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SchoolId = table.Column<Guid>(nullable: false),
                RoundId = table.Column<Guid>(nullable: false),
                HouseholdId = table.Column<Guid>(nullable: false),
                SessionId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_FamilySessions", x => x.Id);
                table.ForeignKey(
                    name: "FK_FamilySessions_Households_HouseholdId",
                    column: x => x.HouseholdId,
                    principalTable: "Households",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_FamilySessions_RoundSessions_SessionId",
                    column: x => x.SessionId,
                    principalTable: "RoundSessions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_ConversationRequests_HouseholdId",
            table: "ConversationRequests",
            column: "HouseholdId");

        migrationBuilder.CreateIndex(
            name: "IX_ConversationRequests_Key",
            table: "ConversationRequests",
            column: "Key",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_ConversationRequests_RoundId_HouseholdId",
            table: "ConversationRequests",
            columns: new[] { "RoundId", "HouseholdId" });

        migrationBuilder.CreateIndex(
            name: "IX_ConversationRequests_StaffMemberId",
            table: "ConversationRequests",
            column: "StaffMemberId");

        migrationBuilder.CreateIndex(
            name: "IX_ConversationRequests_StudentId",
            table: "ConversationRequests",
            column: "StudentId");

        migrationBuilder.CreateIndex(
            name: "IX_FamilySessions_HouseholdId_SessionId",
            table: "FamilySessions",
            columns: new[] { "HouseholdId", "SessionId" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_FamilySessions_RoundId",
            table: "FamilySessions",
            column: "RoundId");

        migrationBuilder.CreateIndex(
            name: "IX_FamilySessions_SessionId",
            table: "FamilySessions",
            column: "SessionId");

        migrationBuilder.CreateIndex(
            name: "IX_RoundSessions_RoundId_Date",
            table: "RoundSessions",
            columns: new[] { "RoundId", "Date" });

        migrationBuilder.CreateIndex(
            name: "IX_ScheduleRuns_PublishedKey",
            table: "ScheduleRuns",
            column: "PublishedKey",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_ScheduleRuns_RoundId_CreatedAt",
            table: "ScheduleRuns",
            columns: new[] { "RoundId", "CreatedAt" });

        migrationBuilder.CreateIndex(
            name: "IX_ScheduleRuns_RunningKey",
            table: "ScheduleRuns",
            column: "RunningKey",
            unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "FamilySessions");
        migrationBuilder.DropTable(name: "ScheduleRuns");
        migrationBuilder.DropTable(name: "RoundSessions");
        migrationBuilder.DropTable(name: "ConversationRequests");
    }
}
