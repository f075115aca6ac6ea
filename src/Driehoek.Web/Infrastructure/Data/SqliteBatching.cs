using Microsoft.EntityFrameworkCore.Update;

namespace Driehoek.Web.Infrastructure.Data;

/// <summary>
/// EF Core's SQLite provider sends every INSERT, UPDATE and DELETE of a SaveChanges as a command of its own (SQLite is
/// in-process, so it never needed batches). A booking saves four rows and the outbox marks messages one by one, so
/// the app sends up to 42 statements as one command, in order, as the other providers do: Microsoft.Data.Sqlite runs a
/// command's statements one after the other, and EF reads each statement's RETURNING row as it does for other
/// providers' batches. Same transaction, same statements, fewer commands (the measure: ≤ 8 per booking).
/// </summary>
internal sealed class SqliteBatchFactory(ModificationCommandBatchFactoryDependencies dependencies) : IModificationCommandBatchFactory
{
    /// <summary>EF Core's default batch size for SQL Server; 42 of our widest rows stay far below SQLite's limit of 32,766 parameters.</summary>
    public const int MaxStatements = 42;

    public ModificationCommandBatch Create() => new Batch(dependencies);

    private sealed class Batch(ModificationCommandBatchFactoryDependencies dependencies)
        : AffectedCountModificationCommandBatch(dependencies, MaxStatements);
}
