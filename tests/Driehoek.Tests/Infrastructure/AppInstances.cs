using System.Collections.Concurrent;
using Driehoek.Web.Infrastructure.Data;
using Driehoek.Web.Infrastructure.Jobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Driehoek.Tests.Infrastructure;

/// <summary>
/// Several app instances on one PostgreSQL database, as in production. Each instance is a
/// <see cref="WebApplicationFactory{T}"/> host with its own clock, its own job runner and its own database
/// role. <see cref="KillAsync"/> cuts an instance off the way a killed process is cut off: the server ends
/// its connections (an open transaction rolls back) and it cannot log in again, so it writes nothing more —
/// no release of its leases, no "failed". A real OS process (kill -9) can take its place: only
/// <see cref="StartAsync"/>, <see cref="KillAsync"/> and <see cref="LetLeasesRunOut"/> would change.
/// </summary>
public sealed class AppInstances : IAsyncDisposable
{
    private readonly string _database = $"driehoek_test_{Guid.NewGuid():N}";
    private readonly List<Instance> _instances = [];
    private readonly Dictionary<string, string>? _settings;
    private readonly Action<IServiceCollection>? _services;

    private AppInstances(Dictionary<string, string>? settings, Action<IServiceCollection>? services) =>
        (_settings, _services) = (settings, services);

    /// <param name="settings">Configuration for every instance.</param>
    /// <param name="services">Services every instance adds (a test's own job kind, say).</param>
    public static async Task<AppInstances> CreateAsync(Dictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        var instances = new AppInstances(settings, services);
        await ExecuteAsync($"CREATE DATABASE \"{instances._database}\"");
        // Migrated before the instances start, so they can start at the same moment: two instances applying
        // the first migration to an empty PostgreSQL database at once collide ("relation already exists").
        var target = new DatabaseTarget(DatabaseProvider.Postgres,
            new NpgsqlConnectionStringBuilder(TestEnvironment.Postgres) { Database = instances._database }.ToString());
        await using (var db = new PostgresAppDbContext(DatabaseSetup.Options<PostgresAppDbContext>(target)))
        {
            await db.Database.MigrateAsync();
        }
        return instances;
    }

    /// <summary>Starts instances at the same moment.</summary>
    public async Task<IReadOnlyList<Instance>> StartAsync(int count = 1)
    {
        var started = new List<Instance>();
        for (var i = 0; i < count; i++)
        {
            var role = $"driehoek_instance_{Guid.NewGuid():N}";
            // Superuser: whichever instance migrates first owns the tables the others use.
            await ExecuteAsync($"CREATE ROLE \"{role}\" LOGIN SUPERUSER");
            var connection = new NpgsqlConnectionStringBuilder(TestEnvironment.Postgres) { Database = _database, Username = role }.ToString();
            started.Add(new Instance(role, connection, _settings, _services));
        }
        _instances.AddRange(started);
        await Task.WhenAll(started.Select(i => Task.Run(i.InitializeAsync)));
        return started;
    }

    /// <summary>The instance stops existing for the database: its connections are ended and it cannot log in again.</summary>
    public async Task KillAsync(Instance instance)
    {
        instance.Killed = true;
        await ExecuteAsync($"ALTER ROLE \"{instance.Role}\" NOLOGIN");
        await ExecuteAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{instance.Role}'");
        // The host goes too; its shutdown cannot reach the database (as if the process were gone).
        await instance.DisposeAsync();
    }

    /// <summary>Moves the living instances' clocks past every lease taken so far (a real process would wait out a short lease).</summary>
    public void LetLeasesRunOut(TimeSpan lease)
    {
        foreach (var instance in _instances.Where(i => !i.Killed))
        {
            instance.Clock.Advance(lease + TimeSpan.FromSeconds(1));
        }
    }

    public void SetClocks(DateTimeOffset at)
    {
        foreach (var instance in _instances)
        {
            instance.Clock.Set(at);
        }
    }

    /// <summary>Whether the server has a query of this instance waiting for a lock (it is inside its work, not done).</summary>
    public static async Task<bool> IsWaitingForLockAsync(Instance instance)
    {
        await using var connection = new NpgsqlConnection(TestEnvironment.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE usename = @role AND wait_event_type = 'Lock'", connection);
        command.Parameters.AddWithValue("role", instance.Role);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    /// <summary>A connection of the test's own (not an instance's) to the shared database.</summary>
    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestEnvironment.Postgres) { Database = _database }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _instances.Where(i => !i.Killed))
        {
            await instance.DisposeAsync();
        }
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
        foreach (var instance in _instances)
        {
            await ExecuteAsync($"DROP ROLE IF EXISTS \"{instance.Role}\"");
        }
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestEnvironment.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>One app instance on the shared database; it records the jobs its runner starts.</summary>
    public sealed class Instance(string role, string connectionString, Dictionary<string, string>? settings, Action<IServiceCollection>? services)
        : TestApp(DatabaseProvider.Postgres, sharedDatabase: connectionString)
    {
        private bool _disposed;

        public string Role { get; } = role;
        public bool Killed { get; set; }

        /// <summary>(kind, job id) of every job this instance's runner started, in order.</summary>
        public ConcurrentQueue<(string Kind, Guid JobId)> JobsStarted { get; } = new();

        /// <summary>The name this instance's runner writes into <see cref="BackgroundJob.LockedBy"/>.</summary>
        public string RunnerName => Services.GetServices<IHostedService>().OfType<JobRunner>().Single().Instance;

        public int Started(string kind) => JobsStarted.Count(j => j.Kind == kind);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var (key, value) in settings ?? [])
            {
                builder.UseSetting(key, value);
            }
            if (services is not null)
            {
                builder.ConfigureServices(services);
            }
            builder.ConfigureLogging(logging => logging
                .AddProvider(new JobLog(this))
                .AddFilter<JobLog>(typeof(JobRunner).FullName, LogLevel.Information));
        }

        public override async Task DisposeAsync()
        {
            if (!_disposed)
            {
                _disposed = true;
                await base.DisposeAsync();
            }
        }
    }

    /// <summary>Reads the runner's "job started" log lines: the jobs an instance ran, without a hook in the app.</summary>
    private sealed class JobLog(Instance instance) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => categoryName == typeof(JobRunner).FullName ? this : NullLogger;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (state is IReadOnlyList<KeyValuePair<string, object?>> values
                && values.FirstOrDefault(v => v.Key == "{OriginalFormat}").Value is string format
                && format.StartsWith("Job {Kind} {JobId} started", StringComparison.Ordinal))
            {
                var kind = (string)values.First(v => v.Key == "Kind").Value!;
                var id = (Guid)values.First(v => v.Key == "JobId").Value!;
                instance.JobsStarted.Enqueue((kind, id));
            }
        }

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public void Dispose()
        {
        }

        private static ILogger NullLogger => Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
    }
}
