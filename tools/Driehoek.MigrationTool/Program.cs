using Driehoek.Web.Infrastructure.Data;
using Driehoek.Web.Infrastructure.Data.Schema;
using Driehoek.MigrationTool;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

// Writes a provider-neutral migration for what the model has and the migrations lack:
//   dotnet run --project tools/Driehoek.MigrationTool -- AddBookings
// It covers new tables, new columns and new indexes; anything else is written by hand
// (see docs/adr/0003-hand-written-provider-neutral-migrations.md).
if (args.Length != 1 || !System.Text.RegularExpressions.Regex.IsMatch(args[0], "^[A-Z][A-Za-z0-9]+$"))
{
    Console.Error.WriteLine("usage: Driehoek.MigrationTool <MigrationName in PascalCase>");
    return 2;
}

await using var connection = new SqliteConnection("Data Source=:memory:");
await connection.OpenAsync();
var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connection).Options;
await using var db = new AppDbContext(options);
await db.Database.MigrateAsync();
var migrated = await SchemaReader.ReadAsync(connection);

var model = db.GetService<IDesignTimeModel>().Model;
var all = db.GetService<IMigrationsModelDiffer>().GetDifferences(null, model.GetRelationalModel());
var operations = MissingOperations.Select(all, migrated);
if (operations.Count == 0)
{
    Console.Error.WriteLine("The migrations already match the model.");
    return 1;
}

var id = $"{TimeProvider.System.GetUtcNow():yyyyMMddHHmmss}_{args[0]}";
var folder = Path.Combine(FindRepoRoot(), "src", "Driehoek.Web", "Infrastructure", "Data", "Migrations");
var path = Path.Combine(folder, $"{id}.cs");
await File.WriteAllTextAsync(path, MigrationWriter.Write(id, args[0], operations));
Console.WriteLine($"Wrote {path} ({operations.Count} operations). Review it, then run the drift test.");
return 0;

static string FindRepoRoot()
{
    var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Driehoek.slnx")))
    {
        dir = dir.Parent;
    }
    return dir?.FullName ?? throw new InvalidOperationException("Run this inside the Driehoek repository.");
}
