using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Driehoek.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class GuardianshipBySchoolIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Guardianships_GuardianId",
                table: "Guardianships");

            migrationBuilder.CreateIndex(
                name: "IX_Guardianships_GuardianId_SchoolId",
                table: "Guardianships",
                columns: new[] { "GuardianId", "SchoolId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Guardianships_GuardianId_SchoolId",
                table: "Guardianships");

            migrationBuilder.CreateIndex(
                name: "IX_Guardianships_GuardianId",
                table: "Guardianships",
                column: "GuardianId");
        }
    }
}
