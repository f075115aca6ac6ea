using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Driehoek.Web.Infrastructure.Data.Migrations;

[DbContext(typeof(AppDbContext))]
[Migration("20261122000000_Foundation")]
public sealed class Foundation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AspNetUsers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                DisplayName = table.Column<string>(maxLength: 200, nullable: false),
                PreferredLanguage = table.Column<string>(maxLength: 8, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UserName = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedUserName = table.Column<string>(maxLength: 256, nullable: true),
                Email = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedEmail = table.Column<string>(maxLength: 256, nullable: true),
                EmailConfirmed = table.Column<bool>(nullable: false),
                PasswordHash = table.Column<string>(maxLength: 400, nullable: true),
                SecurityStamp = table.Column<string>(maxLength: 400, nullable: true),
                ConcurrencyStamp = table.Column<string>(maxLength: 400, nullable: true),
                PhoneNumber = table.Column<string>(maxLength: 400, nullable: true),
                PhoneNumberConfirmed = table.Column<bool>(nullable: false),
                TwoFactorEnabled = table.Column<bool>(nullable: false),
                LockoutEnd = table.Column<DateTimeOffset>(nullable: true),
                LockoutEnabled = table.Column<bool>(nullable: false),
                AccessFailedCount = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUsers", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "AuditEntries",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SchoolId = table.Column<Guid>(nullable: true),
                UserId = table.Column<Guid>(nullable: true),
                Action = table.Column<string>(maxLength: 40, nullable: false),
                Subject = table.Column<string>(maxLength: 60, nullable: false),
                SubjectId = table.Column<Guid>(nullable: true),
                At = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AuditEntries", x => x.Id);
            });

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
            name: "DataProtectionKeys",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                FriendlyName = table.Column<string>(maxLength: 200, nullable: false),
                Xml = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "OutboxMessages",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                Payload = table.Column<string>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                AvailableAt = table.Column<DateTime>(nullable: false),
                Attempts = table.Column<int>(nullable: false),
                LockedUntil = table.Column<DateTime>(nullable: true),
                LockedBy = table.Column<string>(maxLength: 100, nullable: true),
                SentAt = table.Column<DateTime>(nullable: true),
                LastError = table.Column<string>(maxLength: 2000, nullable: true),
                FailedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OutboxMessages", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserClaims",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                UserId = table.Column<Guid>(nullable: false),
                ClaimType = table.Column<string>(maxLength: 400, nullable: true),
                ClaimValue = table.Column<string>(maxLength: 400, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                table.ForeignKey(
                    name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserLogins",
            columns: table => new
            {
                LoginProvider = table.Column<string>(maxLength: 400, nullable: false),
                ProviderKey = table.Column<string>(maxLength: 400, nullable: false),
                ProviderDisplayName = table.Column<string>(maxLength: 400, nullable: true),
                UserId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                table.ForeignKey(
                    name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserTokens",
            columns: table => new
            {
                UserId = table.Column<Guid>(nullable: false),
                LoginProvider = table.Column<string>(maxLength: 400, nullable: false),
                Name = table.Column<string>(maxLength: 400, nullable: false),
                Value = table.Column<string>(maxLength: 400, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                table.ForeignKey(
                    name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
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
            name: "Invitations",
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
                table.PrimaryKey("PK_Invitations", x => x.Id);
                table.ForeignKey(
                    name: "FK_Invitations_Schools_SchoolId",
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
            name: "IX_AspNetUserClaims_UserId",
            table: "AspNetUserClaims",
            column: "UserId");

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUserLogins_UserId",
            table: "AspNetUserLogins",
            column: "UserId");

        migrationBuilder.CreateIndex(
            name: "EmailIndex",
            table: "AspNetUsers",
            column: "NormalizedEmail");

        migrationBuilder.CreateIndex(
            name: "UserNameIndex",
            table: "AspNetUsers",
            column: "NormalizedUserName",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_AuditEntries_SchoolId_At",
            table: "AuditEntries",
            columns: new[] { "SchoolId", "At" });

        migrationBuilder.CreateIndex(
            name: "IX_AuditEntries_SubjectId",
            table: "AuditEntries",
            column: "SubjectId");

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
            name: "IX_Groups_SchoolId",
            table: "Groups",
            column: "SchoolId");

        migrationBuilder.CreateIndex(
            name: "IX_Groups_SchoolYearId_Name",
            table: "Groups",
            columns: new[] { "SchoolYearId", "Name" },
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
            name: "IX_Invitations_PersonId",
            table: "Invitations",
            column: "PersonId");

        migrationBuilder.CreateIndex(
            name: "IX_Invitations_SchoolId",
            table: "Invitations",
            column: "SchoolId");

        migrationBuilder.CreateIndex(
            name: "IX_Invitations_TokenHash",
            table: "Invitations",
            column: "TokenHash",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_OutboxMessages_SentAt_AvailableAt",
            table: "OutboxMessages",
            columns: new[] { "SentAt", "AvailableAt" });

        migrationBuilder.CreateIndex(
            name: "IX_RosterImport_SchoolId_UploadedAt",
            table: "RosterImport",
            columns: new[] { "SchoolId", "UploadedAt" });

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
        migrationBuilder.DropTable(name: "Invitations");
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
