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
}
