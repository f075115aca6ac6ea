using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Driehoek.Web.Infrastructure.Data;

/// <summary>
/// The migrations started again from a baseline in 2026-12 (ADR 3). A database made before it has a
/// __EFMigrationsHistory with the old ids (20261122000000_Foundation, …) that the baseline cannot bring up
/// to date. The demo's own SQLite file is deleted and rebuilt; any other such database stops the start.
/// </summary>
public static class PreBaselineDatabase
{
    public static async Task HandleAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var target = services.GetRequiredService<DatabaseTarget>();
        string oldMigration;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var baseline = db.Database.GetMigrations().First();
            var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
            if (applied.Count == 0 || applied.Contains(baseline))
            {
                return;
            }
            oldMigration = applied[^1];
        }

        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PreBaselineDatabase).FullName!);
        if (IsDemoFile(target, services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>()))
        {
            var file = new SqliteConnectionStringBuilder(target.ConnectionString).DataSource;
            SqliteConnection.ClearPool(new SqliteConnection(target.ConnectionString));
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
            log.LogWarning("The demo database {File} was made by a Driehoek version before the migration baseline of 2026-12 " +
                "(last migration {Migration}); it was deleted and is rebuilt now.", file, oldMigration);
            return;
        }

        var message = MessageFor(target.Provider, oldMigration);
        log.LogCritical("{Message}", message);
        throw new InvalidOperationException(message);
    }

    public static string MessageFor(DatabaseProvider provider, string oldMigration) =>
        $"This database was made by a Driehoek version before the migration baseline of 2026-12 (its last migration is " +
        $"{oldMigration}) and cannot be brought up to date. Export what you need, then point ConnectionStrings:{provider} " +
        $"(environment variable ConnectionStrings__{provider}) to a new, empty database; Driehoek creates its tables there " +
        "at the next start.";

    /// <summary>The demo's file: SQLite at the default place with Demo:Enabled, nothing anyone typed in.</summary>
    private static bool IsDemoFile(DatabaseTarget target, IConfiguration config, IHostEnvironment env) =>
        target.Provider == DatabaseProvider.Sqlite
        && config.GetValue("Demo:Enabled", false)
        && string.Equals(
            new SqliteConnectionStringBuilder(target.ConnectionString).DataSource,
            Path.GetFullPath(DatabaseSetup.DefaultSqliteFile, env.ContentRootPath),
            StringComparison.Ordinal);
}
