using System.Data.Common;

namespace Driehoek.Web.Infrastructure.Data.Schema;

internal static class SqliteSchema
{
    public static async Task<IReadOnlyDictionary<string, TableSchema>> ReadAsync(DbConnection connection)
    {
        var names = await SchemaReader.QueryAsync(connection,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
            r => r.GetString(0));
        var tables = new Dictionary<string, TableSchema>();
        foreach (var name in names)
        {
            tables[name] = await ReadTableAsync(connection, name);
        }
        return tables;
    }

    private static async Task<TableSchema> ReadTableAsync(DbConnection connection, string table)
    {
        var quoted = table.Replace("'", "''", StringComparison.Ordinal);
        var columns = await SchemaReader.QueryAsync(connection, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{quoted}')",
            r => (Column: new ColumnSchema(r.GetString(0), r.GetString(1).ToUpperInvariant(), r.GetInt64(2) == 0), Pk: r.GetInt64(3)));
        var primaryKey = columns.Where(c => c.Pk > 0).OrderBy(c => c.Pk).Select(c => c.Column.Name).ToList();

        var indexes = new List<IndexSchema>();
        var indexList = await SchemaReader.QueryAsync(connection, $"SELECT name, \"unique\", origin FROM pragma_index_list('{quoted}')",
            r => (Name: r.GetString(0), Unique: r.GetInt64(1) == 1, Origin: r.GetString(2)));
        foreach (var index in indexList.Where(i => i.Origin == "c"))
        {
            var cols = await SchemaReader.QueryAsync(connection, $"SELECT name FROM pragma_index_info('{index.Name.Replace("'", "''", StringComparison.Ordinal)}') ORDER BY seqno",
                r => r.GetString(0));
            indexes.Add(new IndexSchema(string.Join(",", cols), index.Unique));
        }

        var foreignKeys = await SchemaReader.QueryAsync(connection, $"SELECT id, \"from\", \"table\", on_delete FROM pragma_foreign_key_list('{quoted}') ORDER BY id, seq",
            r => (Id: r.GetInt64(0), From: r.GetString(1), Table: r.GetString(2), OnDelete: r.GetString(3)));
        var fks = foreignKeys.GroupBy(f => f.Id)
            .Select(g => new ForeignKeySchema(string.Join(",", g.Select(f => f.From)), g.First().Table, g.First().OnDelete.ToUpperInvariant()))
            .ToList();

        return new TableSchema(table, columns.ToDictionary(c => c.Column.Name, c => c.Column), primaryKey, indexes, fks);
    }
}
