using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Driehoek.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ConversationsOutsideRounds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ConversationReplyDays",
                table: "Schools",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ConversationWishes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StudentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AskedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AskedByStudent = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReplyBy = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Reply = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RepliedByStaffId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RepliedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConversationWishes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConversationWishes_Students_StudentId",
                        column: x => x.StudentId,
                        principalTable: "Students",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlannedConversations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StudentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlannedByStaffId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WishId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    StaffNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SupportLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    AskedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    StudentTakesPart = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ChosenTimeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FamilyMessage = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AnsweredByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlannedConversations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlannedConversations_Students_StudentId",
                        column: x => x.StudentId,
                        principalTable: "Students",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlannedConversationParticipants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StaffMemberId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlannedConversationParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlannedConversationParticipants_PlannedConversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "PlannedConversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PlannedConversationParticipants_StaffMembers_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlannedConversationTimes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlannedConversationTimes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlannedConversationTimes_PlannedConversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "PlannedConversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConversationWishes_SchoolId_Status",
                table: "ConversationWishes",
                columns: new[] { "SchoolId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ConversationWishes_StudentId_CreatedAt",
                table: "ConversationWishes",
                columns: new[] { "StudentId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PlannedConversationParticipants_ConversationId",
                table: "PlannedConversationParticipants",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_PlannedConversationParticipants_StaffMemberId",
                table: "PlannedConversationParticipants",
                column: "StaffMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_PlannedConversations_SchoolId_CreatedAt",
                table: "PlannedConversations",
                columns: new[] { "SchoolId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PlannedConversations_StudentId_CreatedAt",
                table: "PlannedConversations",
                columns: new[] { "StudentId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PlannedConversationTimes_ConversationId",
                table: "PlannedConversationTimes",
                column: "ConversationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConversationWishes");

            migrationBuilder.DropTable(
                name: "PlannedConversationParticipants");

            migrationBuilder.DropTable(
                name: "PlannedConversationTimes");

            migrationBuilder.DropTable(
                name: "PlannedConversations");

            migrationBuilder.DropColumn(
                name: "ConversationReplyDays",
                table: "Schools");
        }
    }
}
