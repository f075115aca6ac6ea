using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Driehoek.Web.Infrastructure.Data.Migrations;

[DbContext(typeof(AppDbContext))]
[Migration("20261122010000_ConversationCycle")]
public sealed partial class ConversationCycle : Migration
{
    // One method per part of the model, each in its own file (ConversationCycle.<Part>.cs), in dependency order.
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        CreateConversations(migrationBuilder);
        CreateBookings(migrationBuilder);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "TimeClaims");
        migrationBuilder.DropTable(name: "Bookings");
        migrationBuilder.DropTable(name: "Slots");
        migrationBuilder.DropTable(name: "WaitingList");
        migrationBuilder.DropTable(name: "RoundReminders");
        migrationBuilder.DropTable(name: "RoundInvitations");
        migrationBuilder.DropTable(name: "RoundGroups");
        migrationBuilder.DropTable(name: "Preparations");
        migrationBuilder.DropTable(name: "AvailabilityBlocks");
        migrationBuilder.DropTable(name: "Rounds");
        migrationBuilder.DropTable(name: "InvitationTemplates");
        migrationBuilder.DropTable(name: "CalendarFeeds");
    }
}
