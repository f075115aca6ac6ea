using System.Data.Common;

namespace Driehoek.Web.Infrastructure.Data.Schema;

public sealed record ColumnSchema(string Name, string Type, bool Nullable);
public sealed record IndexSchema(string Columns, bool Unique);
public sealed record ForeignKeySchema(string Columns, string PrincipalTable, string OnDelete);

public sealed record TableSchema(
    string Name,
    IReadOnlyDictionary<string, ColumnSchema> Columns,
    IReadOnlyList<string> PrimaryKey,
    IReadOnlyList<IndexSchema> Indexes,
    IReadOnlyList<ForeignKeySchema> ForeignKeys);

/// <summary>
/// Reads the tables of a live database in a provider-neutral shape, so a migrated database and one
/// made from the model can be compared (the drift test) and new tables found (the migration tool).
/// </summary>
public static class SchemaReader
{
    /// <summary>EF's own bookkeeping tables (history, the migration lock) are not part of the model.</summary>
    public static bool IsEfTable(string name) => name.StartsWith("__EF", StringComparison.Ordinal);

    public static async Task<IReadOnlyDictionary<string, TableSchema>> ReadAsync(DbConnection connection)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }
        return connection.GetType().Name.StartsWith("Npgsql", StringComparison.Ordinal)
            ? await PostgresSchema.ReadAsync(connection)
            : await SqliteSchema.ReadAsync(connection);
    }

    /// <summary>Lists every difference between two schemas, one line each; empty when equal.</summary>
    public static IReadOnlyList<string> Compare(
        IReadOnlyDictionary<string, TableSchema> expected, IReadOnlyDictionary<string, TableSchema> actual)
    {
        var problems = new List<string>();
        foreach (var table in expected.Values.Where(t => !IsEfTable(t.Name)))
        {
            if (!actual.TryGetValue(table.Name, out var other))
            {
                problems.Add($"table {table.Name} is missing");
                continue;
            }
            foreach (var column in table.Columns.Values)
            {
                if (!other.Columns.TryGetValue(column.Name, out var otherColumn))
                {
                    problems.Add($"column {table.Name}.{column.Name} is missing");
                }
                else if (otherColumn != column)
                {
                    problems.Add($"column {table.Name}.{column.Name} is {otherColumn}, expected {column}");
                }
            }
            foreach (var extra in other.Columns.Keys.Except(table.Columns.Keys))
            {
                problems.Add($"column {table.Name}.{extra} is not in the model");
            }
            if (!table.PrimaryKey.SequenceEqual(other.PrimaryKey))
            {
                problems.Add($"primary key of {table.Name} is ({string.Join(",", other.PrimaryKey)}), expected ({string.Join(",", table.PrimaryKey)})");
            }
            CompareSets(problems, table.Name, "index", table.Indexes, other.Indexes);
            CompareSets(problems, table.Name, "foreign key", table.ForeignKeys, other.ForeignKeys);
        }
        foreach (var extra in actual.Keys.Except(expected.Keys).Where(t => !IsEfTable(t)))
        {
            problems.Add($"table {extra} is not in the model");
        }
        return problems;
    }

    private static void CompareSets<T>(List<string> problems, string table, string what, IEnumerable<T> expected, IEnumerable<T> actual)
    {
        var e = expected.ToHashSet();
        var a = actual.ToHashSet();
        problems.AddRange(e.Except(a).Select(x => $"{what} {x} on {table} is missing"));
        problems.AddRange(a.Except(e).Select(x => $"{what} {x} on {table} is not in the model"));
    }

    internal static async Task<List<T>> QueryAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> map)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<T>();
        while (await reader.ReadAsync())
        {
            list.Add(map(reader));
        }
        return list;
    }
}
