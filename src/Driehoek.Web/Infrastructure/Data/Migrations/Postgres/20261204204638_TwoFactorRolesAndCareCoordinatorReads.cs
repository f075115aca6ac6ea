using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Driehoek.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TwoFactorRolesAndCareCoordinatorReads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "CareCoordinatorReadsPreparations",
                table: "Schools",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // By hand: schools and boards that exist already get the new default (care coordinator, school leader and
            // administrator = 16 | 128 | 256; board admins on), not "nobody"; the demo keeps it off (as DemoBuilder does).
            migrationBuilder.AddColumn<int>(
                name: "TwoFactorRoles",
                table: "Schools",
                type: "integer",
                nullable: false,
                defaultValue: 400);

            migrationBuilder.AddColumn<bool>(
                name: "TwoFactorForAdmins",
                table: "Boards",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.Sql("UPDATE \"Schools\" SET \"TwoFactorRoles\" = 0 WHERE \"IsDemo\" = TRUE;");
            migrationBuilder.Sql("UPDATE \"Boards\" SET \"TwoFactorForAdmins\" = FALSE WHERE \"IsDemo\" = TRUE;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CareCoordinatorReadsPreparations",
                table: "Schools");

            migrationBuilder.DropColumn(
                name: "TwoFactorRoles",
                table: "Schools");

            migrationBuilder.DropColumn(
                name: "TwoFactorForAdmins",
                table: "Boards");
        }
    }
}
