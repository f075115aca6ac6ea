using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Driehoek.Web.Infrastructure.Data.Migrations;

public sealed partial class ConversationCycle
{
    /// <summary>AvailabilityBlocks, Slots, Bookings, TimeClaims, WaitingList, CalendarFeeds.</summary>
    private static void CreateBookings(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "CalendarFeeds",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                TokenHash = table.Column<string>(maxLength: 64, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CalendarFeeds", x => x.Id);
                table.ForeignKey(
                    name: "FK_CalendarFeeds_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AvailabilityBlocks",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SchoolId = table.Column<Guid>(nullable: false),
                RoundId = table.Column<Guid>(nullable: false),
                StaffMemberId = table.Column<Guid>(nullable: false),
                Date = table.Column<DateOnly>(nullable: false),
                Start = table.Column<TimeOnly>(nullable: false),
                End = table.Column<TimeOnly>(nullable: false),
                BreakStart = table.Column<TimeOnly>(nullable: true),
                BreakEnd = table.Column<TimeOnly>(nullable: true),
                Room = table.Column<string>(maxLength: 60, nullable: true),
                VideoLink = table.Column<string>(maxLength: 400, nullable: true),
                CreatedBy = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AvailabilityBlocks", x => x.Id);
                table.ForeignKey(
                    name: "FK_AvailabilityBlocks_Rounds_RoundId",
                    column: x => x.RoundId,
                    principalTable: "Rounds",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_AvailabilityBlocks_StaffMembers_StaffMemberId",
                    column: x => x.StaffMemberId,
                    principalTable: "StaffMembers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "WaitingList",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SchoolId = table.Column<Guid>(nullable: false),
                RoundId = table.Column<Guid>(nullable: false),
                StudentId = table.Column<Guid>(nullable: false),
                HouseholdId = table.Column<Guid>(nullable: false),
                StaffMemberId = table.Column<Guid>(nullable: false),
                GuardianId = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                NotifiedAt = table.Column<DateTime>(nullable: true),
                ResolvedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WaitingList", x => x.Id);
                table.ForeignKey(
                    name: "FK_WaitingList_Rounds_RoundId",
                    column: x => x.RoundId,
                    principalTable: "Rounds",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Slots",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SchoolId = table.Column<Guid>(nullable: false),
                RoundId = table.Column<Guid>(nullable: false),
                StaffMemberId = table.Column<Guid>(nullable: false),
                BlockId = table.Column<Guid>(nullable: false),
                StartsAt = table.Column<DateTime>(nullable: false),
                EndsAt = table.Column<DateTime>(nullable: false),
                Room = table.Column<string>(maxLength: 60, nullable: true),
                VideoLink = table.Column<string>(maxLength: 400, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Slots", x => x.Id);
                table.ForeignKey(
                    name: "FK_Slots_AvailabilityBlocks_BlockId",
                    column: x => x.BlockId,
                    principalTable: "AvailabilityBlocks",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Bookings",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SchoolId = table.Column<Guid>(nullable: false),
                RoundId = table.Column<Guid>(nullable: false),
                SlotId = table.Column<Guid>(nullable: true),
                ActiveSlotId = table.Column<Guid>(nullable: true),
                ActiveKey = table.Column<string>(maxLength: 140, nullable: true),
                StaffMemberId = table.Column<Guid>(nullable: false),
                StudentId = table.Column<Guid>(nullable: false),
                HouseholdId = table.Column<Guid>(nullable: false),
                BookedByGuardianId = table.Column<Guid>(nullable: true),
                BookedByUserId = table.Column<Guid>(nullable: false),
                StartsAt = table.Column<DateTime>(nullable: false),
                EndsAt = table.Column<DateTime>(nullable: false),
                Topics = table.Column<string>(maxLength: 2000, nullable: true),
                TopicAreas = table.Column<int>(nullable: false),
                InterpreterLanguage = table.Column<string>(maxLength: 40, nullable: true),
                Mode = table.Column<int>(nullable: false),
                Status = table.Column<int>(nullable: false),
                StudentPresent = table.Column<bool>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CancelledAt = table.Column<DateTime>(nullable: true),
                CalendarUid = table.Column<Guid>(nullable: false),
                Sequence = table.Column<int>(nullable: false),
                ReminderSentAt = table.Column<DateTime>(nullable: true),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Bookings", x => x.Id);
                table.ForeignKey(
                    name: "FK_Bookings_Rounds_RoundId",
                    column: x => x.RoundId,
                    principalTable: "Rounds",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_Bookings_Slots_SlotId",
                    column: x => x.SlotId,
                    principalTable: "Slots",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.SetNull);
                table.ForeignKey(
                    name: "FK_Bookings_Students_StudentId",
                    column: x => x.StudentId,
                    principalTable: "Students",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "TimeClaims",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SchoolId = table.Column<Guid>(nullable: false),
                BookingId = table.Column<Guid>(nullable: false),
                Owner = table.Column<string>(maxLength: 40, nullable: false),
                Cell = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TimeClaims", x => x.Id);
                table.ForeignKey(
                    name: "FK_TimeClaims_Bookings_BookingId",
                    column: x => x.BookingId,
                    principalTable: "Bookings",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_AvailabilityBlocks_RoundId_StaffMemberId",
            table: "AvailabilityBlocks",
            columns: new[] { "RoundId", "StaffMemberId" });

        migrationBuilder.CreateIndex(
            name: "IX_AvailabilityBlocks_StaffMemberId",
            table: "AvailabilityBlocks",
            column: "StaffMemberId");

        migrationBuilder.CreateIndex(
            name: "IX_Bookings_ActiveKey",
            table: "Bookings",
            column: "ActiveKey",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Bookings_ActiveSlotId",
            table: "Bookings",
            column: "ActiveSlotId",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Bookings_HouseholdId",
            table: "Bookings",
            column: "HouseholdId");

        migrationBuilder.CreateIndex(
            name: "IX_Bookings_RoundId_StudentId",
            table: "Bookings",
            columns: new[] { "RoundId", "StudentId" });

        migrationBuilder.CreateIndex(
            name: "IX_Bookings_SlotId",
            table: "Bookings",
            column: "SlotId");

        migrationBuilder.CreateIndex(
            name: "IX_Bookings_StaffMemberId_StartsAt",
            table: "Bookings",
            columns: new[] { "StaffMemberId", "StartsAt" });

        migrationBuilder.CreateIndex(
            name: "IX_Bookings_StudentId",
            table: "Bookings",
            column: "StudentId");

        migrationBuilder.CreateIndex(
            name: "IX_CalendarFeeds_TokenHash",
            table: "CalendarFeeds",
            column: "TokenHash",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_CalendarFeeds_UserId",
            table: "CalendarFeeds",
            column: "UserId",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Slots_BlockId",
            table: "Slots",
            column: "BlockId");

        migrationBuilder.CreateIndex(
            name: "IX_Slots_RoundId_StaffMemberId",
            table: "Slots",
            columns: new[] { "RoundId", "StaffMemberId" });

        migrationBuilder.CreateIndex(
            name: "IX_Slots_StaffMemberId_StartsAt",
            table: "Slots",
            columns: new[] { "StaffMemberId", "StartsAt" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_TimeClaims_BookingId",
            table: "TimeClaims",
            column: "BookingId");

        migrationBuilder.CreateIndex(
            name: "IX_TimeClaims_Owner_Cell",
            table: "TimeClaims",
            columns: new[] { "Owner", "Cell" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_WaitingList_RoundId_StaffMemberId",
            table: "WaitingList",
            columns: new[] { "RoundId", "StaffMemberId" });

        migrationBuilder.CreateIndex(
            name: "IX_WaitingList_RoundId_StudentId_HouseholdId_StaffMemberId",
            table: "WaitingList",
            columns: new[] { "RoundId", "StudentId", "HouseholdId", "StaffMemberId" },
            unique: true);
    }
}
