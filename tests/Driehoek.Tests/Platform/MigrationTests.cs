using Driehoek.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;

namespace Driehoek.Tests.Platform;

/// <summary>
/// EF Core's migrations, one set per provider (ADR 3): the model has no change without a migration, an
/// empty database gets them all, and a database from before the 2026-12 baseline is recognised.
/// </summary>
public abstract class MigrationTests(TestApp app)
{
    private const string OldMigration = "20261122060000_BookingsByHousehold";

    [Fact]
    public async Task The_model_has_no_change_without_a_migration()
    {
        await app.WithDbAsync(db =>
        {
            Assert.IsType(app.Provider == DatabaseProvider.Sqlite ? typeof(SqliteAppDbContext) : typeof(PostgresAppDbContext), db);
            Assert.False(db.Database.HasPendingModelChanges(),
                $"The model has changes that no {app.Provider} migration has: run scripts/add-migration.sh <Name> (docs/ARCHITECTURE.md).");
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task An_empty_database_gets_every_migration_and_the_app_starts()
    {
        await using var fresh = NewApp();
        await fresh.InitializeAsync();

        var (all, applied) = await fresh.WithDbAsync(async db => (db.Database.GetMigrations().ToList(), (await db.Database.GetAppliedMigrationsAsync()).ToList()));
        using var client = fresh.Client();
        var health = await client.Http.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.NotEmpty(all);
        Assert.Equal(all, applied);
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task A_database_from_before_the_baseline_stops_the_start_and_says_what_to_do()
    {
        await using var old = new PreBaselineApp(app.Provider);

        var error = await Record.ExceptionAsync(old.InitializeAsync);

        Assert.NotNull(error);
        Assert.Contains("before the migration baseline of 2026-12", error.ToString(), StringComparison.Ordinal);
        Assert.Contains($"point ConnectionStrings:{app.Provider} (environment variable ConnectionStrings__{app.Provider}) to a new, empty database",
            error.ToString(), StringComparison.Ordinal);
        // Nothing was changed: the old history is all there is.
        await using var db = DatabaseSetup.CreateContext(app.Provider, old.ConnectionString);
        Assert.Equal([OldMigration], await db.Database.GetAppliedMigrationsAsync());
    }

    private TestApp NewApp() => app.Provider == DatabaseProvider.Sqlite ? new SqliteApp() : new PostgresApp();

    /// <summary>Leaves behind what a Driehoek from before the baseline made: its tables and its migration history.</summary>
    internal static async Task MakePreBaselineDatabaseAsync(DatabaseProvider provider, string connectionString)
    {
        await using var db = DatabaseSetup.CreateContext(provider, connectionString);
        await db.Database.ExecuteSqlRawAsync("""
            CREATE TABLE "__EFMigrationsHistory" ("MigrationId" varchar(150) NOT NULL PRIMARY KEY, "ProductVersion" varchar(32) NOT NULL);
            CREATE TABLE "Boards" ("Id" uuid NOT NULL PRIMARY KEY, "Name" varchar(200) NOT NULL);
            """);
        await db.Database.ExecuteSqlRawAsync(
            """INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ({0}, '10.0.11')""", OldMigration);
        if (provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearPool(new SqliteConnection(connectionString));
        }
    }

    private sealed class PreBaselineApp(DatabaseProvider provider) : TestApp(provider)
    {
        protected override Task PrepareDatabaseAsync() => MakePreBaselineDatabaseAsync(Provider, ConnectionString);
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

[Collection(SqliteCollection.Name)]
public sealed class MigrationTests_Sqlite(SqliteApp app) : MigrationTests(app)
{
    [Fact]
    public async Task The_demo_database_from_before_the_baseline_is_deleted_and_rebuilt()
    {
        await using var demo = new DemoOnDefaultFileApp();

        await demo.InitializeAsync();

        var applied = await demo.WithDbAsync(async db => (await db.Database.GetAppliedMigrationsAsync()).ToList());
        Assert.Equal(await demo.WithDbAsync(db => Task.FromResult(db.Database.GetMigrations().ToList())), applied);
        Assert.True(await demo.WithDbAsync(db => db.Boards.AnyAsync(b => b.IsDemo)));
    }

    /// <summary>
    /// The demo as `dotnet run` has it: Demo:Enabled and the default file under the content root's App_Data,
    /// configured as a plain path (which also shows that a path, not only a connection string, starts the app).
    /// </summary>
    private sealed class DemoOnDefaultFileApp() : TestApp(DatabaseProvider.Sqlite)
    {
        private string ContentRoot => Path.Combine(Folder, "content");

        protected override Task<string> CreateDatabaseAsync() =>
            Task.FromResult(DatabaseSetup.SqliteConnectionString(DatabaseSetup.DefaultSqliteFile, ContentRoot));

        protected override Task PrepareDatabaseAsync() => MakePreBaselineDatabaseAsync(Provider, ConnectionString);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            Directory.CreateDirectory(Path.Combine(ContentRoot, "wwwroot"));
            builder.UseContentRoot(ContentRoot);
            builder.UseSetting("ConnectionStrings:Sqlite", DatabaseSetup.DefaultSqliteFile);
            builder.UseSetting("Demo:Enabled", "true");
        }
    }
}

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class MigrationTests_Postgres(PostgresApp app) : MigrationTests(app);
