using Driehoek.Web.Infrastructure.Data;
using Driehoek.Web.Infrastructure.Data.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Driehoek.Tests.Foundation;

/// <summary>
/// The drift check (ADR 0003): a database built by the migrations must equal one built from the
/// model, table by table, column by column, for each provider. A model change without a migration fails here.
/// </summary>
public sealed class MigrationTests
{
    [Fact]
    public async Task Sqlite_migrations_build_exactly_the_model()
    {
        var folder = Directory.CreateTempSubdirectory("driehoek-drift-").FullName;
        var migrated = await SchemaOfAsync(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "m.db")}", migrate: true);
        var created = await SchemaOfAsync(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "c.db")}", migrate: false);
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, true);
        AssertSame(created, migrated);
    }

    [Fact]
    [Trait("Provider", "Postgres")]
    public async Task Postgres_migrations_build_exactly_the_model()
    {
        var m = await NewPostgresDatabaseAsync();
        var c = await NewPostgresDatabaseAsync();
        try
        {
            var migrated = await SchemaOfAsync(DatabaseProvider.Postgres, m, migrate: true);
            var created = await SchemaOfAsync(DatabaseProvider.Postgres, c, migrate: false);
            AssertSame(created, migrated);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await DropAsync(m);
            await DropAsync(c);
        }
    }

    [Fact]
    public void Every_migration_is_provider_neutral()
    {
        // A store type in a migration would tie it to one provider (ADR 0003).
        var folder = Path.Combine(RepoRoot(), "src", "Driehoek.Web", "Infrastructure", "Data", "Migrations");
        foreach (var file in Directory.GetFiles(folder, "*.cs"))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain("type: \"", text, StringComparison.Ordinal);
        }
    }

    private static void AssertSame(IReadOnlyDictionary<string, TableSchema> model, IReadOnlyDictionary<string, TableSchema> migrated)
    {
        var problems = SchemaReader.Compare(model, migrated);
        Assert.True(problems.Count == 0,
            "The migrations differ from the model; write a migration (tools/Driehoek.MigrationTool):\n" + string.Join("\n", problems));
    }

    private static async Task<IReadOnlyDictionary<string, TableSchema>> SchemaOfAsync(DatabaseProvider provider, string connectionString, bool migrate)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(builder, provider, connectionString);
        await using var db = new AppDbContext(builder.Options);
        if (migrate)
        {
            await db.Database.MigrateAsync();
        }
        else
        {
            // Only here, to get the model's own schema for comparison; the app never calls this.
            await db.Database.EnsureCreatedAsync();
        }
        var connection = db.Database.GetDbConnection();
        return await SchemaReader.ReadAsync(connection);
    }

    private static async Task<string> NewPostgresDatabaseAsync()
    {
        var name = $"driehoek_drift_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(TestEnvironment.Postgres);
        await connection.OpenAsync();
        await new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection).ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(TestEnvironment.Postgres) { Database = name }.ToString();
    }

    private static async Task DropAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(TestEnvironment.Postgres);
        await connection.OpenAsync();
        await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection).ExecuteNonQueryAsync();
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Driehoek.slnx")))
        {
            dir = dir.Parent;
        }
        return dir.FullName;
    }
}
