using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Driehoek.Web.Infrastructure.Data.Migrations;

public sealed partial class ConversationCycle
{
    /// <summary>InvitationTemplates, Rounds, RoundGroups, RoundInvitations, RoundReminders, Preparations.</summary>
    private static void CreateConversations(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "InvitationTemplates",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SchoolId = table.Column<Guid>(nullable: false),
                Form = table.Column<int>(nullable: false),
                Language = table.Column<string>(maxLength: 8, nullable: false),
                Purpose = table.Column<string>(maxLength: 2000, nullable: false),
                ParentQuestions = table.Column<string>(maxLength: 2000, nullable: false),
                StudentQuestions = table.Column<string>(maxLength: 2000, nullable: false),
                TeacherQuestions = table.Column<string>(maxLength: 2000, nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                UpdatedBy = table.Column<Guid>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_InvitationTemplates", x => x.Id);
                table.ForeignKey(
                    name: "FK_InvitationTemplates_Schools_SchoolId",
                    column: x => x.SchoolId,
                    principalTable: "Schools",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Rounds",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SchoolId = table.Column<Guid>(nullable: false),
                SchoolYearId = table.Column<Guid>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 120, nullable: false),
                Form = table.Column<int>(nullable: false),
                LengthMinutes = table.Column<int>(nullable: false),
                FirstDay = table.Column<DateOnly>(nullable: false),
                LastDay = table.Column<DateOnly>(nullable: false),
                Participants = table.Column<int>(nullable: false),
                MaxSubjectTeachers = table.Column<int>(nullable: false),
                Mode = table.Column<int>(nullable: false),
                BookingOpensAt = table.Column<DateTime>(nullable: false),
                BookingClosesAt = table.Column<DateTime>(nullable: false),
                ChangeDeadlineHours = table.Column<int>(nullable: false),
                Handover = table.Column<bool>(nullable: false),
                Status = table.Column<int>(nullable: false),
                PublishedAt = table.Column<DateTime>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Rounds", x => x.Id);
                table.ForeignKey(
                    name: "FK_Rounds_SchoolYears_SchoolYearId",
                    column: x => x.SchoolYearId,
                    principalTable: "SchoolYears",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_Rounds_Schools_SchoolId",
                    column: x => x.SchoolId,
                    principalTable: "Schools",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Preparations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SchoolId = table.Column<Guid>(nullable: false),
                RoundId = table.Column<Guid>(nullable: false),
                StudentId = table.Column<Guid>(nullable: false),
                Party = table.Column<int>(nullable: false),
                HouseholdId = table.Column<Guid>(nullable: true),
                StaffMemberId = table.Column<Guid>(nullable: true),
                Key = table.Column<string>(maxLength: 140, nullable: false),
                Answers = table.Column<string>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                UpdatedBy = table.Column<Guid>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Preparations", x => x.Id);
                table.ForeignKey(
                    name: "FK_Preparations_Rounds_RoundId",
                    column: x => x.RoundId,
                    principalTable: "Rounds",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_Preparations_Students_StudentId",
                    column: x => x.StudentId,
                    principalTable: "Students",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "RoundGroups",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SchoolId = table.Column<Guid>(nullable: false),
                RoundId = table.Column<Guid>(nullable: false),
                GroupId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RoundGroups", x => x.Id);
                table.ForeignKey(
                    name: "FK_RoundGroups_Groups_GroupId",
                    column: x => x.GroupId,
                    principalTable: "Groups",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_RoundGroups_Rounds_RoundId",
                    column: x => x.RoundId,
                    principalTable: "Rounds",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "RoundInvitations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SchoolId = table.Column<Guid>(nullable: false),
                RoundId = table.Column<Guid>(nullable: false),
                StudentId = table.Column<Guid>(nullable: false),
                HouseholdId = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                EmailedAt = table.Column<DateTime>(nullable: true),
                PrintedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RoundInvitations", x => x.Id);
                table.ForeignKey(
                    name: "FK_RoundInvitations_Households_HouseholdId",
                    column: x => x.HouseholdId,
                    principalTable: "Households",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_RoundInvitations_Rounds_RoundId",
                    column: x => x.RoundId,
                    principalTable: "Rounds",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_RoundInvitations_Students_StudentId",
                    column: x => x.StudentId,
                    principalTable: "Students",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "RoundReminders",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SchoolId = table.Column<Guid>(nullable: false),
                RoundId = table.Column<Guid>(nullable: false),
                HouseholdId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                SentAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RoundReminders", x => x.Id);
                table.ForeignKey(
                    name: "FK_RoundReminders_Rounds_RoundId",
                    column: x => x.RoundId,
                    principalTable: "Rounds",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_InvitationTemplates_SchoolId_Form_Language",
            table: "InvitationTemplates",
            columns: new[] { "SchoolId", "Form", "Language" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Preparations_Key",
            table: "Preparations",
            column: "Key",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Preparations_RoundId_StudentId",
            table: "Preparations",
            columns: new[] { "RoundId", "StudentId" });

        migrationBuilder.CreateIndex(
            name: "IX_Preparations_StudentId",
            table: "Preparations",
            column: "StudentId");

        migrationBuilder.CreateIndex(
            name: "IX_RoundGroups_GroupId",
            table: "RoundGroups",
            column: "GroupId");

        migrationBuilder.CreateIndex(
            name: "IX_RoundGroups_RoundId_GroupId",
            table: "RoundGroups",
            columns: new[] { "RoundId", "GroupId" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_RoundInvitations_HouseholdId",
            table: "RoundInvitations",
            column: "HouseholdId");

        migrationBuilder.CreateIndex(
            name: "IX_RoundInvitations_RoundId_StudentId_HouseholdId",
            table: "RoundInvitations",
            columns: new[] { "RoundId", "StudentId", "HouseholdId" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_RoundInvitations_StudentId",
            table: "RoundInvitations",
            column: "StudentId");

        migrationBuilder.CreateIndex(
            name: "IX_RoundReminders_RoundId_HouseholdId_Kind",
            table: "RoundReminders",
            columns: new[] { "RoundId", "HouseholdId", "Kind" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Rounds_SchoolId_SchoolYearId",
            table: "Rounds",
            columns: new[] { "SchoolId", "SchoolYearId" });

        migrationBuilder.CreateIndex(
            name: "IX_Rounds_SchoolYearId",
            table: "Rounds",
            column: "SchoolYearId");
    }
}
