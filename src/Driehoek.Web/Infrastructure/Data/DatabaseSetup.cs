using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Driehoek.Web.Infrastructure.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The configured database: Database:Provider and its ConnectionStrings entry, read once per host.</summary>
public sealed record DatabaseTarget(DatabaseProvider Provider, string ConnectionString)
{
    public static DatabaseTarget From(IConfiguration config, IHostEnvironment env)
    {
        var provider = DatabaseSetup.ProviderFrom(config);
        return provider == DatabaseProvider.Postgres
            ? new(provider, config.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Postgres is not set."))
            : new(provider, DatabaseSetup.SqliteConnectionString(config.GetConnectionString("Sqlite"), env.ContentRootPath));
    }
}

public static class DatabaseSetup
{
    /// <summary>The SQLite file when ConnectionStrings:Sqlite is not set, relative to the content root.</summary>
    public const string DefaultSqliteFile = "App_Data/driehoek.db";

    public static DatabaseProvider ProviderFrom(IConfiguration config) =>
        string.Equals(config["Database:Provider"], "Postgres", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.Postgres
            : DatabaseProvider.Sqlite;

    public static IServiceCollection AddDatabase(this IServiceCollection services)
    {
        // Read when the host first needs it, so test hosts and environment variables can choose the database.
        services.AddSingleton(sp => DatabaseTarget.From(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>()));
        // Interceptors other parts register as services (the outbox's commit signal) go into every context.
        services.AddDbContext<SqliteAppDbContext>((sp, options) =>
            Configure(options.AddInterceptors(sp.GetServices<IInterceptor>()), TargetFor(sp, DatabaseProvider.Sqlite)));
        services.AddDbContext<PostgresAppDbContext>((sp, options) =>
            Configure(options.AddInterceptors(sp.GetServices<IInterceptor>()), TargetFor(sp, DatabaseProvider.Postgres)));
        services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<DatabaseTarget>().Provider == DatabaseProvider.Postgres
            ? sp.GetRequiredService<PostgresAppDbContext>()
            : sp.GetRequiredService<SqliteAppDbContext>());
        return services;
    }

    private static DatabaseTarget TargetFor(IServiceProvider sp, DatabaseProvider provider)
    {
        var target = sp.GetRequiredService<DatabaseTarget>();
        return target.Provider == provider
            ? target
            : throw new InvalidOperationException($"Database:Provider is {target.Provider}; there is no {provider} database.");
    }

    /// <summary>
    /// ConnectionStrings:Sqlite may be a file ("App_Data/driehoek.db") or a connection string
    /// ("Data Source=/srv/driehoek.db;Cache=Shared"). A relative file is taken from the content root, and
    /// its folder is made, so the app starts the same whatever the working directory.
    /// </summary>
    public static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var value = string.IsNullOrWhiteSpace(configured) ? DefaultSqliteFile : configured.Trim();
        var builder = value.Contains('=', StringComparison.Ordinal)
            ? new SqliteConnectionStringBuilder(value)
            : new SqliteConnectionStringBuilder { DataSource = value };
        if (IsFile(builder))
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }
        return builder.ToString();
    }

    private static bool IsFile(SqliteConnectionStringBuilder builder) =>
        builder.Mode != SqliteOpenMode.Memory
        && builder.DataSource.Length > 0
        && builder.DataSource != ":memory:"
        && !builder.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase);

    /// <summary>A context on the given database, outside the app's services (tests, the design-time factories).</summary>
    public static AppDbContext CreateContext(DatabaseProvider provider, string connectionString) =>
        provider == DatabaseProvider.Postgres
            ? new PostgresAppDbContext(Options<PostgresAppDbContext>(new(provider, connectionString)))
            : new SqliteAppDbContext(Options<SqliteAppDbContext>(new(provider, connectionString)));

    public static DbContextOptions<TContext> Options<TContext>(DatabaseTarget target) where TContext : AppDbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        Configure(builder, target);
        return builder.Options;
    }

    private static void Configure(DbContextOptionsBuilder options, DatabaseTarget target)
    {
        if (target.Provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(PostgresConnectionString(target.ConnectionString));
        }
        else
        {
            options.UseSqlite(target.ConnectionString).AddInterceptors(SqliteBusyTimeout.Instance, SqliteWriteCommands.Instance)
                .ReplaceService<Microsoft.EntityFrameworkCore.Update.IModificationCommandBatchFactory, SqliteBatchFactory>();
        }
        // A unique index deciding a race (two families, one slot) is an expected outcome that the handler
        // answers with 409; EF Core would log each one as an error with two stack traces. A failure no
        // handler catches still reaches the exception handler, which logs it once.
        options.ConfigureWarnings(w => w.Log(
            (CoreEventId.SaveChangesFailed, LogLevel.Debug),
            (RelationalEventId.CommandError, LogLevel.Debug)));
    }

    /// <summary>
    /// The configured PostgreSQL connection string, with Npgsql's automatic preparation switched on unless the
    /// string says otherwise: the app sends the same few hundred statements over and over (a booking is four), and
    /// a statement prepared once per pooled connection is not parsed and planned again on every request.
    /// </summary>
    public static string PostgresConnectionString(string configured)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(configured);
        if (!configured.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)
            && !configured.Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 200;
        }
        return builder.ConnectionString;
    }

    /// <summary>Applies the migrations of the configured provider; never EnsureCreated.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await PreBaselineDatabase.HandleAsync(services, ct);
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
