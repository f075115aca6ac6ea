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
        return result;
    }
}
