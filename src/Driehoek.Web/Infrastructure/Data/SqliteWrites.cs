using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Driehoek.Web.Infrastructure.Data;

/// <summary>
/// SQLite lets one writer in at a time, and Microsoft.Data.Sqlite answers "busy" by sleeping 150 ms on a
/// blocked thread before it tries again. Under a booking rush that turns 2 ms writes into a queue of
/// sleeping threads and starves the thread pool. So within this process writers take turns on an async
/// lock per database file (first come, first served, no thread blocked): SaveChanges, and single write
/// commands outside a transaction (ExecuteUpdate, ExecuteDelete). Every connection also gets SQLite's own
/// busy timeout for writers outside that lock (an explicit transaction, another process), which retries in
/// steps of 1–100 ms. Writes still begin with BEGIN IMMEDIATE in WAL mode.
/// </summary>
public static class SqliteWrites
{
    public const int BusyTimeoutMilliseconds = 10_000;

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);
    private static readonly AsyncLocal<bool> Holding = new();

    /// <summary>One lock per database file, whichever context or connection writes to it.</summary>
    public static SemaphoreSlim GateFor(DbConnection connection) =>
        Gates.GetOrAdd(new SqliteConnectionStringBuilder(connection.ConnectionString).DataSource, _ => new SemaphoreSlim(1, 1));

    /// <summary>Whether this flow of work already holds the lock (SaveChanges runs its commands inside it).</summary>
    public static bool HoldingGate => Holding.Value;

    /// <summary>Waits for the lock; the caller then calls <see cref="Take"/> in its own flow (an async method cannot set an AsyncLocal for its caller).</summary>
    public static async Task<SemaphoreSlim> WaitAsync(DbConnection connection, CancellationToken ct)
    {
        var gate = GateFor(connection);
        await gate.WaitAsync(ct);
        return gate;
    }

    public static Turn Enter(DbConnection connection)
    {
        var gate = GateFor(connection);
        gate.Wait();
        return Take(gate);
    }

    public static Turn Take(SemaphoreSlim gate)
    {
        Holding.Value = true;
        return new Turn(gate);
    }

    public readonly struct Turn(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose()
        {
            Holding.Value = false;
            gate.Release();
        }
    }
}

/// <summary>Takes the write lock around a single write command outside a transaction (ExecuteUpdate, ExecuteDelete).</summary>
internal sealed class SqliteWriteCommands : DbCommandInterceptor
{
    public static readonly SqliteWriteCommands Instance = new();

    private static readonly ConditionalWeakTable<DbCommand, object> Turns = new();

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (NeedsTurn(command))
        {
            Turns.AddOrUpdate(command, SqliteWrites.Enter(command.Connection!));
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (NeedsTurn(command))
        {
            Turns.AddOrUpdate(command, SqliteWrites.Take(await SqliteWrites.WaitAsync(command.Connection!, cancellationToken)));
        }
        return result;
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Leave(command);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Leave(command);
        return ValueTask.FromResult(result);
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Leave(command);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(command);
        return Task.CompletedTask;
    }

    public override void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Leave(command);

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(command);
        return Task.CompletedTask;
    }

    private static bool NeedsTurn(DbCommand command) => command.Transaction is null && command.Connection is not null && !SqliteWrites.HoldingGate;

    private static void Leave(DbCommand command)
    {
        if (Turns.TryGetValue(command, out var turn))
        {
            Turns.Remove(command);
            ((SqliteWrites.Turn)turn).Dispose();
        }
    }
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
