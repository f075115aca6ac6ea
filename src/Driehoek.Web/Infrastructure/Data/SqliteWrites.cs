using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Driehoek.Web.Infrastructure.Data;

/// <summary>
/// SQLite lets one writer in at a time, and Microsoft.Data.Sqlite answers "busy" by sleeping 150 ms on a
/// blocked thread before it tries again. Under a booking rush that turns 2 ms writes into a queue of
/// sleeping threads and starves the thread pool. So within this process the app's SaveChanges take turns
/// on an async lock per database file (first come, first served, no thread blocked), and every connection
/// gets SQLite's own busy timeout for writers outside that lock (the outbox's updates, another process),
/// which retries in steps of 1–100 ms. Writes still begin with BEGIN IMMEDIATE in WAL mode.
/// </summary>
public static class SqliteWrites
{
    public const int BusyTimeoutMilliseconds = 10_000;

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>One lock per database file, whichever context or connection writes to it.</summary>
    public static SemaphoreSlim GateFor(DbConnection connection) =>
        Gates.GetOrAdd(new SqliteConnectionStringBuilder(connection.ConnectionString).DataSource, _ => new SemaphoreSlim(1, 1));
}

/// <summary>Sets SQLite's busy timeout once per native connection; pooled connections keep it between opens.</summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeout Instance = new();

    private static readonly ConditionalWeakTable<object, object> Done = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        // Microsoft.Data.Sqlite runs every command synchronously; an async path would only add overhead.
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } || Done.TryGetValue(handle, out _))
        {
            return;
        }
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {SqliteWrites.BusyTimeoutMilliseconds};";
        command.ExecuteNonQuery();
        Done.AddOrUpdate(handle, handle);
    }
}
