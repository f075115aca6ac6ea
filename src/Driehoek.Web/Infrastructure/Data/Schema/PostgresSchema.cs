using System.Data.Common;

namespace Driehoek.Web.Infrastructure.Data.Schema;

internal static class PostgresSchema
{
    private const string ColumnsSql = """
        SELECT table_name, column_name,
               CASE WHEN character_maximum_length IS NULL THEN data_type
                    ELSE data_type || '(' || character_maximum_length || ')' END,
               is_nullable = 'YES'
        FROM information_schema.columns
        WHERE table_schema = current_schema()
        ORDER BY table_name, ordinal_position
        """;

    // Indexes other than the primary key, with their columns in order.
    private const string IndexesSql = """
        SELECT t.relname, ix.indisunique,
               array_to_string(ARRAY(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord)
                                     JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                                     ORDER BY k.ord), ',')
        FROM pg_index ix
        JOIN pg_class t ON t.oid = ix.indrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = current_schema() AND NOT ix.indisprimary
        """;

    private const string PrimaryKeysSql = """
        SELECT t.relname,
               array_to_string(ARRAY(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord)
                                     JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                                     ORDER BY k.ord), ',')
        FROM pg_index ix
        JOIN pg_class t ON t.oid = ix.indrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = current_schema() AND ix.indisprimary
        """;

    private const string ForeignKeysSql = """
        SELECT t.relname, p.relname, c.confdeltype,
               array_to_string(ARRAY(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
                                     JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                                     ORDER BY k.ord), ',')
        FROM pg_constraint c
        JOIN pg_class t ON t.oid = c.conrelid
        JOIN pg_class p ON p.oid = c.confrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE c.contype = 'f' AND n.nspname = current_schema()
        """;

    public static async Task<IReadOnlyDictionary<string, TableSchema>> ReadAsync(DbConnection connection)
    {
        var columns = await SchemaReader.QueryAsync(connection, ColumnsSql,
            r => (Table: r.GetString(0), Column: new ColumnSchema(r.GetString(1), r.GetString(2), r.GetBoolean(3))));
        var indexes = await SchemaReader.QueryAsync(connection, IndexesSql,
            r => (Table: r.GetString(0), Index: new IndexSchema(r.GetString(2), r.GetBoolean(1))));
        var keys = await SchemaReader.QueryAsync(connection, PrimaryKeysSql, r => (Table: r.GetString(0), Columns: r.GetString(1)));
        var fks = await SchemaReader.QueryAsync(connection, ForeignKeysSql,
            r => (Table: r.GetString(0), Fk: new ForeignKeySchema(r.GetString(3), r.GetString(1), OnDelete(r.GetChar(2)))));

        return columns.GroupBy(c => c.Table).ToDictionary(
            g => g.Key,
            g => new TableSchema(
                g.Key,
                g.ToDictionary(c => c.Column.Name, c => c.Column),
                keys.Where(k => k.Table == g.Key).SelectMany(k => k.Columns.Split(',')).ToList(),
                indexes.Where(i => i.Table == g.Key).Select(i => i.Index).ToList(),
                fks.Where(f => f.Table == g.Key).Select(f => f.Fk).ToList()));
    }

    private static string OnDelete(char code) => code switch
    {
        'c' => "CASCADE",
        'n' => "SET NULL",
        'r' => "RESTRICT",
        'd' => "SET DEFAULT",
        _ => "NO ACTION",
    };
}
