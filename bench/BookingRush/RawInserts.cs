using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Driehoek.BookingRush;

public sealed record RawResult(long Rows, TimeSpan Duration, double P50Ms, double P99Ms)
{
    public double RowsPerSecond => Rows / Duration.TotalSeconds;
}

/// <summary>
/// The database's own limit for what a booking must do at least once: a single-row transactional insert
/// (BEGIN; INSERT one row; COMMIT) on a pooled connection, from as many clients as the rush has, into a
/// scratch table of the same database. On SQLite, Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE, as the app does,
/// and the writers take turns on an async lock, as the app's do (<c>SqliteWrites</c>): left to Microsoft.Data.Sqlite's
/// busy retry (sleep 150 ms, try again) 64 writers measure the retry loop, not the database.
/// </summary>
public static class RawInserts
{
    public static async Task<RawResult> RunAsync(Provider provider, string connectionString, int concurrency, TimeSpan duration)
    {
        await ExecuteAsync(provider, connectionString, provider == Provider.Sqlite
            ? "CREATE TABLE bench_raw_inserts (id TEXT PRIMARY KEY, worker INTEGER NOT NULL, n INTEGER NOT NULL, payload TEXT NOT NULL, created_at TEXT NOT NULL)"
            : "CREATE TABLE bench_raw_inserts (id uuid PRIMARY KEY, worker integer NOT NULL, n integer NOT NULL, payload text NOT NULL, created_at timestamptz NOT NULL)");
        var payload = new string('x', 200);
        var latencies = new List<double>[concurrency];
        var gate = provider == Provider.Sqlite ? new SemaphoreSlim(1, 1) : null;
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            latencies[w] = [];
            for (var n = 0; watch.Elapsed < duration; n++)
            {
                var started = watch.Elapsed;
                await using var connection = Open(provider, connectionString);
                await connection.OpenAsync();
                if (gate is not null)
                {
                    await gate.WaitAsync();
                }
                try
                {
                    await InsertOneAsync(provider, connection, w, n, payload);
                }
                finally
                {
                    gate?.Release();
                }
                latencies[w].Add((watch.Elapsed - started).TotalMilliseconds);
            }
        })).ToList();
        await Task.WhenAll(workers);
        var elapsed = watch.Elapsed;
        var all = latencies.SelectMany(l => l).ToList();
        await ExecuteAsync(provider, connectionString, "DROP TABLE bench_raw_inserts");
        return new RawResult(all.Count, elapsed, Measurements.Percentile(all, 50), Measurements.Percentile(all, 99));
    }

    private static async Task InsertOneAsync(Provider provider, DbConnection connection, int w, int n, string payload)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO bench_raw_inserts (id, worker, n, payload, created_at) VALUES (@id, @worker, @n, @payload, @at)";
        Add(insert, "@id", provider == Provider.Sqlite ? Guid.CreateVersion7().ToString() : Guid.CreateVersion7());
        Add(insert, "@worker", w);
        Add(insert, "@n", n);
        Add(insert, "@payload", payload);
        Add(insert, "@at", provider == Provider.Sqlite ? DateTime.UtcNow.ToString("O") : DateTime.UtcNow);
        await insert.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    private static DbConnection Open(Provider provider, string connectionString) =>
        provider == Provider.Sqlite ? new SqliteConnection(connectionString) : new NpgsqlConnection(connectionString);

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static async Task ExecuteAsync(Provider provider, string connectionString, string sql)
    {
        await using var connection = Open(provider, connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
