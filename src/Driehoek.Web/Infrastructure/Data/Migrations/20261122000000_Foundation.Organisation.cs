using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Driehoek.Web.Infrastructure.Data.Migrations;

public sealed partial class Foundation
{
    /// <summary>Boards, BoardAdmins, Schools, SchoolYears, Groups, StaffMembers, StaffAssignments.</summary>
    private static void CreateOrganisation(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Boards",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                IsDemo = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Boards", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "BoardAdmins",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BoardId = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_BoardAdmins", x => x.Id);
                table.ForeignKey(
                    name: "FK_BoardAdmins_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_BoardAdmins_Boards_BoardId",
                    column: x => x.BoardId,
                    principalTable: "Boards",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Schools",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BoardId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Kind = table.Column<int>(nullable: false),
                BrinCode = table.Column<string>(maxLength: 8, nullable: true),
                IsDemo = table.Column<bool>(nullable: false),
                LimitedGuardianAccess = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Schools", x => x.Id);
                table.ForeignKey(
                    name: "FK_Schools_Boards_BoardId",
                    column: x => x.BoardId,
                    principalTable: "Boards",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "SchoolYears",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SchoolId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 20, nullable: false),
                StartsOn = table.Column<DateOnly>(nullable: false),
                EndsOn = table.Column<DateOnly>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SchoolYears", x => x.Id);
                table.ForeignKey(
                    name: "FK_SchoolYears_Schools_SchoolId",
                    column: x => x.SchoolId,
                    principalTable: "Schools",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "StaffMembers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SchoolId = table.Column<Guid>(nullable: false),
                ExternalId = table.Column<string>(maxLength: 40, nullable: false),
                FirstName = table.Column<string>(maxLength: 100, nullable: false),
                LastNamePrefix = table.Column<string>(maxLength: 20, nullable: true),
                LastName = table.Column<string>(maxLength: 100, nullable: false),
                Email = table.Column<string>(maxLength: 254, nullable: true),
                UserId = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_StaffMembers", x => x.Id);
                table.ForeignKey(
                    name: "FK_StaffMembers_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.SetNull);
                table.ForeignKey(
                    name: "FK_StaffMembers_Schools_SchoolId",
                    column: x => x.SchoolId,
                    principalTable: "Schools",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Groups",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SchoolId = table.Column<Guid>(nullable: false),
                SchoolYearId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 40, nullable: false),
                Level = table.Column<int>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Groups", x => x.Id);
                table.ForeignKey(
                    name: "FK_Groups_SchoolYears_SchoolYearId",
                    column: x => x.SchoolYearId,
                    principalTable: "SchoolYears",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "StaffAssignments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SchoolId = table.Column<Guid>(nullable: false),
                StaffMemberId = table.Column<Guid>(nullable: false),
                Role = table.Column<int>(nullable: false),
                GroupId = table.Column<Guid>(nullable: true),
                Subject = table.Column<string>(maxLength: 60, nullable: true),
                Level = table.Column<int>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_StaffAssignments", x => x.Id);
                table.ForeignKey(
                    name: "FK_StaffAssignments_Groups_GroupId",
                    column: x => x.GroupId,
                    principalTable: "Groups",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_StaffAssignments_StaffMembers_StaffMemberId",
                    column: x => x.StaffMemberId,
                    principalTable: "StaffMembers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_BoardAdmins_BoardId_UserId",
            table: "BoardAdmins",
            columns: new[] { "BoardId", "UserId" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_BoardAdmins_UserId",
            table: "BoardAdmins",
            column: "UserId");

        migrationBuilder.CreateIndex(
            name: "IX_Groups_SchoolId",
            table: "Groups",
            column: "SchoolId");

        migrationBuilder.CreateIndex(
            name: "IX_Groups_SchoolYearId_Name",
            table: "Groups",
            columns: new[] { "SchoolYearId", "Name" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Schools_BoardId",
            table: "Schools",
            column: "BoardId");

        migrationBuilder.CreateIndex(
            name: "IX_SchoolYears_SchoolId_Name",
            table: "SchoolYears",
            columns: new[] { "SchoolId", "Name" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_StaffAssignments_GroupId",
            table: "StaffAssignments",
            column: "GroupId");

        migrationBuilder.CreateIndex(
            name: "IX_StaffAssignments_SchoolId",
            table: "StaffAssignments",
            column: "SchoolId");

        migrationBuilder.CreateIndex(
            name: "IX_StaffAssignments_StaffMemberId",
            table: "StaffAssignments",
            column: "StaffMemberId");

        migrationBuilder.CreateIndex(
            name: "IX_StaffMembers_SchoolId_ExternalId",
            table: "StaffMembers",
            columns: new[] { "SchoolId", "ExternalId" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_StaffMembers_UserId",
            table: "StaffMembers",
            column: "UserId");
    }
}
