using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Driehoek.Web.Infrastructure.Outbox;

/// <summary>
/// Wakes the worker once outbox messages are committed: after SaveChanges, or after the commit of the
/// explicit transaction that SaveChanges ran in. Waking it earlier finds nothing to send, and the first
/// e-mail would wait for the next poll.
/// </summary>
public sealed class OutboxCommitSignal(OutboxSignal signal) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _unsaved = new();
    private readonly ConditionalWeakTable<DbContext, object> _uncommitted = new();

    /// <summary>Called by <see cref="Outbox"/> when it adds a message to this context.</summary>
    public void Expect(DbContext context) => _unsaved.AddOrUpdate(context, context);

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => RolledBack(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        RolledBack(eventData.Context);
        return Task.CompletedTask;
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !_unsaved.Remove(context))
        {
            return;
        }
        if (context.Database.CurrentTransaction is null)
        {
            signal.Poke();
        }
        else
        {
            _uncommitted.AddOrUpdate(context, context);
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && _uncommitted.Remove(context))
        {
            signal.Poke();
        }
    }

    private void RolledBack(DbContext? context)
    {
        if (context is not null)
        {
            _uncommitted.Remove(context);
        }
    }
}
