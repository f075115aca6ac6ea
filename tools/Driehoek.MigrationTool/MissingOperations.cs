using Driehoek.Web.Infrastructure.Data.Schema;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Driehoek.MigrationTool;

/// <summary>Picks, from "create everything", the operations the migrated database still lacks.</summary>
internal static class MissingOperations
{
    public static List<MigrationOperation> Select(
        IReadOnlyList<MigrationOperation> all, IReadOnlyDictionary<string, TableSchema> migrated)
    {
        var result = new List<MigrationOperation>();
        foreach (var operation in all)
        {
            switch (operation)
            {
                case CreateTableOperation table when !migrated.ContainsKey(table.Name):
                    result.Add(table);
                    break;
                case CreateTableOperation table:
                    result.AddRange(table.Columns
                        .Where(c => !migrated[table.Name].Columns.ContainsKey(c.Name))
                        .Select(c => (MigrationOperation)c));
                    break;
                case CreateIndexOperation index when !migrated.ContainsKey(index.Table):
                    result.Add(index);
                    break;
                case CreateIndexOperation index:
                    var columns = string.Join(",", index.Columns);
                    if (!migrated[index.Table].Indexes.Any(i => i.Columns == columns && i.Unique == index.IsUnique))
                    {
                        result.Add(index);
                    }
                    break;
            }
        }
        result.AddRange(StaleIndexes(all, migrated));
        return result;
    }

    /// <summary>
    /// Indexes the migrations built that the model no longer has, on tables it still has; named by EF Core's
    /// convention (IX_Table_Column_…), which is how every index here is named. The drift test checks the result.
    /// </summary>
    private static IEnumerable<MigrationOperation> StaleIndexes(
        IReadOnlyList<MigrationOperation> all, IReadOnlyDictionary<string, TableSchema> migrated)
    {
        var modelIndexes = all.OfType<CreateIndexOperation>()
            .Select(i => (i.Table, Columns: string.Join(",", i.Columns), i.IsUnique)).ToHashSet();
        foreach (var table in all.OfType<CreateTableOperation>().Where(t => migrated.ContainsKey(t.Name)))
        {
            foreach (var index in migrated[table.Name].Indexes.Where(i => !modelIndexes.Contains((table.Name, i.Columns, i.Unique))))
            {
                var drop = new DropIndexOperation { Name = $"IX_{table.Name}_{index.Columns.Replace(',', '_')}", Table = table.Name };
                // What Down needs to build it again.
                drop.AddAnnotation(MigrationWriter.ColumnsAnnotation, index.Columns);
                drop.AddAnnotation(MigrationWriter.UniqueAnnotation, index.Unique);
                yield return drop;
            }
        }
    }
}
