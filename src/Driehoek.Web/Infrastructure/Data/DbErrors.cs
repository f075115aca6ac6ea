using Microsoft.Data.Sqlite;
using Npgsql;

namespace Driehoek.Web.Infrastructure.Data;

public static class DbErrors
{
    /// <summary>A unique index said no: someone else got there first.</summary>
    public static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        SqliteException s => s.SqliteErrorCode == 19 && s.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>
    /// Another transaction got there first and this one lost: a unique index, a stale version, or on PostgreSQL a
    /// serialization failure or deadlock (on SQLite a busy or locked database), wherever in the chain it surfaces.
    /// </summary>
    public static bool LostRace(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case DbUpdateConcurrencyException:
                case DbUpdateException u when IsUniqueViolation(u):
                case PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected
                    or PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.InFailedSqlTransaction }:
                case SqliteException { SqliteErrorCode: 5 or 6 }:
                    return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Saves; false when a unique index said someone else got there first. Either way the context is cleared, for
    /// work that saves one item after another in one context.
    /// </summary>
    public static async Task<bool> SaveFirstAsync(this DbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
