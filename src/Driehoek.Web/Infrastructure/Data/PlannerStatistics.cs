using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Driehoek.Web.Infrastructure.Data;

/// <summary>
/// After a bulk write (a roster import of thousands of rows) PostgreSQL's planner still has the statistics of the
/// tables as they were: until autovacuum's next analyse, a query that walks a school's families may be planned
/// for a handful of rows and take seconds. Analysing the written tables at once costs a fraction of a second
/// (PostgreSQL samples) and the pages a leader opens right after the import are planned for what is there.
/// SQLite plans without statistics here, so it has nothing to refresh.
/// </summary>
public static class PlannerStatistics
{
    /// <summary>Analyses the entities' tables on PostgreSQL; the work before it is done, so a failure here is only logged.</summary>
    public static async Task RefreshAsync(DbContext db, IEnumerable<Type> entities, CancellationToken ct)
    {
        try
        {
            await AnalyseAsync(db, entities, ct);
        }
        catch (System.Data.Common.DbException ex)
        {
            db.GetService<ILoggerFactory>().CreateLogger(typeof(PlannerStatistics)).LogWarning(ex, "Could not refresh the planner's statistics");
        }
    }

    private static async Task AnalyseAsync(DbContext db, IEnumerable<Type> entities, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }
        var tables = entities.Select(t => db.Model.FindEntityType(t)?.GetTableName()).OfType<string>().Distinct()
            .Select(name => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"").ToList();
        if (tables.Count > 0)
        {
            var sql = "ANALYZE " + string.Join(", ", tables);
            // Table names come from the model, not from input.
            await db.Database.ExecuteSqlRawAsync(sql, ct);
        }
    }
}
