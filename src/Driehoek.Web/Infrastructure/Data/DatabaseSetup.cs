using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Driehoek.Web.Infrastructure.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class DatabaseSetup
{
    public static DatabaseProvider ProviderFrom(IConfiguration config) =>
        string.Equals(config["Database:Provider"], "Postgres", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.Postgres
            : DatabaseProvider.Sqlite;

    public static IServiceCollection AddDatabase(this IServiceCollection services)
    {
        // Read at resolve time, so test hosts and environment variables can choose the database.
        services.AddDbContext<AppDbContext>((sp, options) =>
        {
            var config = sp.GetRequiredService<IConfiguration>();
            var provider = ProviderFrom(config);
            Configure(options, provider, ConnectionString(config, provider, sp.GetRequiredService<IHostEnvironment>()));
        });
        return services;
    }

    public static string ConnectionString(IConfiguration config, DatabaseProvider provider, IHostEnvironment env) =>
        provider == DatabaseProvider.Postgres
            ? config.GetConnectionString("Postgres")
              ?? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Postgres is not set.")
            : config.GetConnectionString("Sqlite") ?? DefaultSqlite(env);

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(connectionString);
        }
        else
        {
            options.UseSqlite(connectionString).AddInterceptors(SqliteBusyTimeout.Instance, SqliteWriteCommands.Instance);
        }
        // A unique index deciding a race (two families, one slot) is an expected outcome that the handler
        // answers with 409; EF Core would log each one as an error with two stack traces. A failure no
        // handler catches still reaches the exception handler, which logs it once.
        options.ConfigureWarnings(w => w.Log(
            (CoreEventId.SaveChangesFailed, LogLevel.Debug),
            (RelationalEventId.CommandError, LogLevel.Debug)));
    }

    private static string DefaultSqlite(IHostEnvironment env)
    {
        var folder = Path.Combine(env.ContentRootPath, "App_Data");
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "driehoek.db")}";
    }

    /// <summary>Applies the migrations of the configured provider; never EnsureCreated.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while one writer writes; it is a property of the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        await db.Database.MigrateAsync(ct);
    }
}
