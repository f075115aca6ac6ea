using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Driehoek.Web.Infrastructure.Data.Migrations.Postgres
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
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ConversationWishes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    StudentId = table.Column<Guid>(type: "uuid", nullable: false),
                    AskedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    AskedByStudent = table.Column<bool>(type: "boolean", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReplyBy = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Reply = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RepliedByStaffId = table.Column<Guid>(type: "uuid", nullable: true),
                    RepliedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ConversationId = table.Column<Guid>(type: "uuid", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    StudentId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlannedByStaffId = table.Column<Guid>(type: "uuid", nullable: false),
                    WishId = table.Column<Guid>(type: "uuid", nullable: true),
                    Purpose = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    StaffNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SupportLevel = table.Column<int>(type: "integer", nullable: true),
                    AskedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Decision = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    StudentTakesPart = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ChosenTimeId = table.Column<Guid>(type: "uuid", nullable: true),
                    FamilyMessage = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AnsweredByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConversationId = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffMemberId = table.Column<Guid>(type: "uuid", nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Role = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlannedConversationParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlannedConversationParticipants_PlannedConversations_Conver~",
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConversationId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Minutes = table.Column<int>(type: "integer", nullable: false),
                    Place = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true)
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
