using Driehoek.Web.Infrastructure.Data;

namespace Driehoek.Tests.Foundation;

/// <summary>
/// EF Core's migrations, one set per provider (ADR 3): the model has no change without a migration, an
/// empty database gets them all.
/// </summary>
public abstract class MigrationTests(TestApp app)
{
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

    private TestApp NewApp() => app.Provider == DatabaseProvider.Sqlite ? new SqliteApp() : new PostgresApp();

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
public sealed class MigrationTests_Sqlite(SqliteApp app) : MigrationTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class MigrationTests_Postgres(PostgresApp app) : MigrationTests(app);
