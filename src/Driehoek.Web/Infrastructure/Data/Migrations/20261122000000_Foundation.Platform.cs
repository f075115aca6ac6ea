using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Driehoek.Web.Infrastructure.Data.Migrations;

public sealed partial class Foundation
{
    /// <summary>AuditEntries, DataProtectionKeys, OutboxMessages.</summary>
    private static void CreatePlatform(MigrationBuilder migrationBuilder)
    {
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

        migrationBuilder.CreateIndex(
            name: "IX_AuditEntries_SchoolId_At",
            table: "AuditEntries",
            columns: new[] { "SchoolId", "At" });

        migrationBuilder.CreateIndex(
            name: "IX_AuditEntries_SubjectId",
            table: "AuditEntries",
            column: "SubjectId");

        migrationBuilder.CreateIndex(
            name: "IX_OutboxMessages_SentAt_AvailableAt",
            table: "OutboxMessages",
            columns: new[] { "SentAt", "AvailableAt" });
    }
}
