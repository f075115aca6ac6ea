using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Driehoek.Web.Infrastructure.Data.Migrations;

[DbContext(typeof(AppDbContext))]
[Migration("20261122060000_BookingsByHousehold")]
public sealed class BookingsByHousehold : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // Replaced by the household-and-round index, which also serves every query on the household alone.
        migrationBuilder.DropIndex(name: "IX_Bookings_HouseholdId", table: "Bookings");
        migrationBuilder.CreateIndex(
            name: "IX_Bookings_HouseholdId_RoundId",
            table: "Bookings",
            columns: new[] { "HouseholdId", "RoundId" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_Bookings_HouseholdId_RoundId", table: "Bookings");
        migrationBuilder.CreateIndex(name: "IX_Bookings_HouseholdId", table: "Bookings", column: "HouseholdId");
    }
}
