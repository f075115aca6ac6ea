using Driehoek.Web.Data;
using Driehoek.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Driehoek.Bench;

/// <summary>
/// The real app on a loopback port with Kestrel, in Production settings (JSON logs at Warning), on a
/// throwaway database: an SQLite file in a temp folder, or a temp database on the given PostgreSQL.
/// Nothing is replaced: real clock, real password hashing, real outbox (e-mail to a pickup folder).
/// Shared by the benchmarks (linked into each project).
/// </summary>
public sealed class BenchApp : WebApplicationFactory<Program>
{
    /// <summary>All virtual families come from 127.0.0.1, and the sign-in limit is per address.</summary>
    public const int SignInPerMinute = 1_000_000;

    private readonly string _folder = Directory.CreateTempSubdirectory("driehoek-bench-").FullName;
    private readonly string _serverConnection;
    private string? _postgresDatabase;

    public BenchApp(Provider provider, string postgres)
    {
        Provider = provider;
        _serverConnection = postgres;
        UseKestrel(0);
    }

    public Provider Provider { get; }
    public string ConnectionString { get; private set; } = "";
    public Uri BaseAddress { get; private set; } = null!;

    public async Task StartAsync()
    {
        ConnectionString = Provider == Provider.Sqlite
            ? new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "driehoek.db") }.ToString()
            : await CreatePostgresDatabaseAsync();
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", Provider == Provider.Sqlite ? nameof(DatabaseProvider.Sqlite) : nameof(DatabaseProvider.Postgres));
        builder.UseSetting($"ConnectionStrings:{(Provider == Provider.Sqlite ? "Sqlite" : "Postgres")}", ConnectionString);
        builder.UseSetting("Demo:Enabled", "false");
        builder.UseSetting("RateLimits:SignInPerMinute", SignInPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
        // Key-ring notices at start-up ("no XML encryptor") say nothing about booking speed.
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
        builder.UseSetting("Smtp:PickupDirectory", Path.Combine(_folder, "mail"));
        builder.UseSetting("App:BaseUrl", "http://127.0.0.1");
        builder.UseContentRoot(WebContentRoot());
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        // DRIEHOEK_BENCH_KEEP=1 leaves the PostgreSQL database for a look at its query plans afterwards.
        if (_postgresDatabase is not null && Environment.GetEnvironmentVariable("DRIEHOEK_BENCH_KEEP") != "1")
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_serverConnection);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the OS to clean.
        }
        GC.SuppressFinalize(this);
    }

    /// <summary>The database server's settings that decide how fast a commit can be.</summary>
    public async Task<string> DurabilitySettingsAsync()
    {
        if (Provider == Provider.Sqlite)
        {
            await using var sqlite = new SqliteConnection(ConnectionString);
            await sqlite.OpenAsync();
            return $"journal_mode={await ScalarAsync(sqlite, "PRAGMA journal_mode")}, synchronous={await ScalarAsync(sqlite, "PRAGMA synchronous")} (2 = FULL), "
                   + $"busy_timeout={await ScalarAsync(sqlite, "PRAGMA busy_timeout")} ms";
        }
        await using var pg = new NpgsqlConnection(ConnectionString);
        await pg.OpenAsync();
        return $"PostgreSQL {await ScalarAsync(pg, "SHOW server_version")}, fsync={await ScalarAsync(pg, "SHOW fsync")}, "
               + $"synchronous_commit={await ScalarAsync(pg, "SHOW synchronous_commit")}";
    }

    private static async Task<string> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    private async Task<string> CreatePostgresDatabaseAsync()
    {
        _postgresDatabase = $"driehoek_bench_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(_serverConnection);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_postgresDatabase}\"", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(_serverConnection) { Database = _postgresDatabase }.ToString();
    }

    /// <summary>The web project's folder, so pages, resources and static files are the real ones.</summary>
    private static string WebContentRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Driehoek.slnx")))
        {
            dir = dir.Parent;
        }
        return dir is null
            ? throw new InvalidOperationException("Run the benchmark from the Driehoek repository (Driehoek.slnx not found above the binary).")
            : Path.Combine(dir.FullName, "src", "Driehoek.Web");
    }
}
