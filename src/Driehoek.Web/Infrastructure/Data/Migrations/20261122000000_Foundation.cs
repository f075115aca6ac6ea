using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Driehoek.Web.Infrastructure.Data.Migrations;

[DbContext(typeof(AppDbContext))]
[Migration("20261122000000_Foundation")]
public sealed partial class Foundation : Migration
{
    // One method per part of the model, each in its own file (Foundation.<Part>.cs), in dependency order.
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        CreateAccounts(migrationBuilder);
        CreatePlatform(migrationBuilder);
        CreateOrganisation(migrationBuilder);
        CreatePeople(migrationBuilder);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "StaffAssignments");
        migrationBuilder.DropTable(name: "Enrollments");
        migrationBuilder.DropTable(name: "Guardianships");
        migrationBuilder.DropTable(name: "Groups");
        migrationBuilder.DropTable(name: "Students");
        migrationBuilder.DropTable(name: "StaffMembers");
        migrationBuilder.DropTable(name: "SchoolYears");
        migrationBuilder.DropTable(name: "RosterImport");
        migrationBuilder.DropTable(name: "AccountInvitations");
        migrationBuilder.DropTable(name: "Guardians");
        migrationBuilder.DropTable(name: "Schools");
        migrationBuilder.DropTable(name: "Households");
        migrationBuilder.DropTable(name: "BoardAdmins");
        migrationBuilder.DropTable(name: "AspNetUserTokens");
        migrationBuilder.DropTable(name: "AspNetUserLogins");
        migrationBuilder.DropTable(name: "AspNetUserClaims");
        migrationBuilder.DropTable(name: "OutboxMessages");
        migrationBuilder.DropTable(name: "DataProtectionKeys");
        migrationBuilder.DropTable(name: "Boards");
        migrationBuilder.DropTable(name: "AuditEntries");
        migrationBuilder.DropTable(name: "AspNetUsers");
    }
}
