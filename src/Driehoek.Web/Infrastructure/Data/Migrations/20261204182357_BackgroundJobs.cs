using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Driehoek.Web.Infrastructure.Data.Migrations;

[DbContext(typeof(AppDbContext))]
[Migration("20261204182357_BackgroundJobs")]
/// <summary>The background-job table (ADR 11): one mechanism for long and recurring work on every instance.</summary>
public sealed class BackgroundJobs : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "BackgroundJobs",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 60, nullable: false),
                Key = table.Column<string>(maxLength: 120, nullable: false),
                SubjectId = table.Column<Guid>(nullable: true),
                Payload = table.Column<string>(maxLength: 4000, nullable: true),
                State = table.Column<int>(nullable: false),
                Attempts = table.Column<int>(nullable: false),
                RunAfter = table.Column<DateTime>(nullable: false),
                LockedBy = table.Column<string>(maxLength: 120, nullable: true),
                LockedUntil = table.Column<DateTime>(nullable: true),
                Progress = table.Column<string>(maxLength: 4000, nullable: true),
                LastError = table.Column<string>(maxLength: 2000, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                StartedAt = table.Column<DateTime>(nullable: true),
                FinishedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_BackgroundJobs", x => x.Id);
            });

        migrationBuilder.CreateIndex(
            name: "IX_BackgroundJobs_Key",
            table: "BackgroundJobs",
            column: "Key",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_BackgroundJobs_Kind_State_RunAfter",
            table: "BackgroundJobs",
            columns: new[] { "Kind", "State", "RunAfter" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "BackgroundJobs");
    }
}
