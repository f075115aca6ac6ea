using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Driehoek.Web.Infrastructure.Data.Migrations;

public sealed partial class Foundation
{
    /// <summary>Households, Guardians, Students, Guardianships, Enrollments, Invitations, RosterImport.</summary>
    private static void CreatePeople(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Households",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BoardId = table.Column<Guid>(nullable: false),
                Key = table.Column<string>(maxLength: 200, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Households", x => x.Id);
                table.ForeignKey(
                    name: "FK_Households_Boards_BoardId",
                    column: x => x.BoardId,
                    principalTable: "Boards",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Guardians",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BoardId = table.Column<Guid>(nullable: false),
                HouseholdId = table.Column<Guid>(nullable: true),
                UserId = table.Column<Guid>(nullable: true),
                ExternalKey = table.Column<string>(maxLength: 300, nullable: false),
                FirstName = table.Column<string>(maxLength: 100, nullable: false),
                LastNamePrefix = table.Column<string>(maxLength: 20, nullable: true),
                LastName = table.Column<string>(maxLength: 100, nullable: false),
                Email = table.Column<string>(maxLength: 254, nullable: true),
                Phone = table.Column<string>(maxLength: 40, nullable: true),
                PreferredLanguage = table.Column<string>(maxLength: 8, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Guardians", x => x.Id);
                table.ForeignKey(
                    name: "FK_Guardians_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.SetNull);
                table.ForeignKey(
                    name: "FK_Guardians_Boards_BoardId",
                    column: x => x.BoardId,
                    principalTable: "Boards",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_Guardians_Households_HouseholdId",
                    column: x => x.HouseholdId,
                    principalTable: "Households",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.SetNull);
            });

        migrationBuilder.CreateTable(
            name: "AccountInvitations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BoardId = table.Column<Guid>(nullable: false),
                SchoolId = table.Column<Guid>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                Email = table.Column<string>(maxLength: 254, nullable: false),
                TokenHash = table.Column<string>(maxLength: 64, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                ExpiresAt = table.Column<DateTime>(nullable: false),
                UsedAt = table.Column<DateTime>(nullable: true),
                CreatedByUserId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AccountInvitations", x => x.Id);
                table.ForeignKey(
                    name: "FK_AccountInvitations_Schools_SchoolId",
                    column: x => x.SchoolId,
                    principalTable: "Schools",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "RosterImport",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SchoolId = table.Column<Guid>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                FileName = table.Column<string>(maxLength: 260, nullable: false),
                Content = table.Column<string>(nullable: false),
                Status = table.Column<int>(nullable: false),
                Rows = table.Column<int>(nullable: false),
                ErrorCount = table.Column<int>(nullable: false),
                Preview = table.Column<string>(nullable: false),
                FailureReason = table.Column<string>(maxLength: 1000, nullable: true),
                UploadedBy = table.Column<Guid>(nullable: false),
                UploadedAt = table.Column<DateTime>(nullable: false),
                StartedAt = table.Column<DateTime>(nullable: true),
                FinishedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RosterImport", x => x.Id);
                table.ForeignKey(
                    name: "FK_RosterImport_Schools_SchoolId",
                    column: x => x.SchoolId,
                    principalTable: "Schools",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Students",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SchoolId = table.Column<Guid>(nullable: false),
                ExternalId = table.Column<string>(maxLength: 40, nullable: false),
                FirstName = table.Column<string>(maxLength: 100, nullable: false),
                LastNamePrefix = table.Column<string>(maxLength: 20, nullable: true),
                LastName = table.Column<string>(maxLength: 100, nullable: false),
                DateOfBirth = table.Column<DateOnly>(nullable: true),
                Email = table.Column<string>(maxLength: 254, nullable: true),
                UserId = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Students", x => x.Id);
                table.ForeignKey(
                    name: "FK_Students_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.SetNull);
                table.ForeignKey(
                    name: "FK_Students_Schools_SchoolId",
                    column: x => x.SchoolId,
                    principalTable: "Schools",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Guardianships",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SchoolId = table.Column<Guid>(nullable: false),
                StudentId = table.Column<Guid>(nullable: false),
                GuardianId = table.Column<Guid>(nullable: false),
                Relationship = table.Column<int>(nullable: false),
                HasParentalAuthority = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Guardianships", x => x.Id);
                table.ForeignKey(
                    name: "FK_Guardianships_Guardians_GuardianId",
                    column: x => x.GuardianId,
                    principalTable: "Guardians",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_Guardianships_Students_StudentId",
                    column: x => x.StudentId,
                    principalTable: "Students",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Enrollments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SchoolId = table.Column<Guid>(nullable: false),
                StudentId = table.Column<Guid>(nullable: false),
                GroupId = table.Column<Guid>(nullable: false),
                SchoolYearId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Enrollments", x => x.Id);
                table.ForeignKey(
                    name: "FK_Enrollments_Groups_GroupId",
                    column: x => x.GroupId,
                    principalTable: "Groups",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_Enrollments_Students_StudentId",
                    column: x => x.StudentId,
                    principalTable: "Students",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_Enrollments_GroupId",
            table: "Enrollments",
            column: "GroupId");

        migrationBuilder.CreateIndex(
            name: "IX_Enrollments_SchoolId",
            table: "Enrollments",
            column: "SchoolId");

        migrationBuilder.CreateIndex(
            name: "IX_Enrollments_StudentId_SchoolYearId",
            table: "Enrollments",
            columns: new[] { "StudentId", "SchoolYearId" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Guardians_BoardId_ExternalKey",
            table: "Guardians",
            columns: new[] { "BoardId", "ExternalKey" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Guardians_HouseholdId",
            table: "Guardians",
            column: "HouseholdId");

        migrationBuilder.CreateIndex(
            name: "IX_Guardians_UserId",
            table: "Guardians",
            column: "UserId");

        migrationBuilder.CreateIndex(
            name: "IX_Guardianships_GuardianId",
            table: "Guardianships",
            column: "GuardianId");

        migrationBuilder.CreateIndex(
            name: "IX_Guardianships_SchoolId",
            table: "Guardianships",
            column: "SchoolId");

        migrationBuilder.CreateIndex(
            name: "IX_Guardianships_StudentId_GuardianId",
            table: "Guardianships",
            columns: new[] { "StudentId", "GuardianId" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Households_BoardId_Key",
            table: "Households",
            columns: new[] { "BoardId", "Key" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_AccountInvitations_PersonId",
            table: "AccountInvitations",
            column: "PersonId");

        migrationBuilder.CreateIndex(
            name: "IX_AccountInvitations_SchoolId",
            table: "AccountInvitations",
            column: "SchoolId");

        migrationBuilder.CreateIndex(
            name: "IX_AccountInvitations_TokenHash",
            table: "AccountInvitations",
            column: "TokenHash",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_RosterImport_SchoolId_UploadedAt",
            table: "RosterImport",
            columns: new[] { "SchoolId", "UploadedAt" });

        migrationBuilder.CreateIndex(
            name: "IX_Students_SchoolId_ExternalId",
            table: "Students",
            columns: new[] { "SchoolId", "ExternalId" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Students_UserId",
            table: "Students",
            column: "UserId");
    }
}
