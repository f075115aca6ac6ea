using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Driehoek.MigrationTool;

/// <summary>Writes migration operations as provider-neutral C#: no store types, both identity annotations.</summary>
internal static class MigrationWriter
{
    public const string ColumnsAnnotation = "Driehoek:DroppedIndexColumns";
    public const string UniqueAnnotation = "Driehoek:DroppedIndexUnique";

    public static string Write(string id, string name, IReadOnlyList<MigrationOperation> operations)
    {
        var up = new StringBuilder();
        var down = new List<string>();
        var created = operations.OfType<CreateTableOperation>().Select(t => t.Name).ToHashSet();
        foreach (var operation in operations)
        {
            switch (operation)
            {
                case CreateTableOperation table:
                    WriteCreateTable(up, table);
                    down.Insert(0, $"        migrationBuilder.DropTable(name: {Q(table.Name)});");
                    break;
                case AddColumnOperation column:
                    up.AppendLine($"        migrationBuilder.AddColumn<{ClrName(column.ClrType)}>(");
                    up.AppendLine($"            name: {Q(column.Name)},");
                    up.AppendLine($"            table: {Q(column.Table)},");
                    up.AppendLine($"            {ColumnArguments(column)});");
                    up.AppendLine();
                    down.Insert(0, $"        migrationBuilder.DropColumn(name: {Q(column.Name)}, table: {Q(column.Table)});");
                    break;
                case DropIndexOperation drop:
                    up.AppendLine($"        migrationBuilder.DropIndex(name: {Q(drop.Name)}, table: {Q(drop.Table!)});");
                    up.AppendLine();
                    var columns = ((string)drop[ColumnsAnnotation]!).Split(',').Select(Q);
                    var unique = (bool)drop[UniqueAnnotation]! ? ", unique: true" : "";
                    down.Insert(0, $"        migrationBuilder.CreateIndex(name: {Q(drop.Name)}, table: {Q(drop.Table!)}, columns: new[] {{ {string.Join(", ", columns)} }}{unique});");
                    break;
                case CreateIndexOperation index:
                    WriteCreateIndex(up, index);
                    if (!created.Contains(index.Table))
                    {
                        // Dropping a table drops its indexes; only indexes on older tables need undoing.
                        down.Insert(0, $"        migrationBuilder.DropIndex(name: {Q(index.Name)}, table: {Q(index.Table)});");
                    }
                    break;
            }
        }

        return $$"""
            using Microsoft.EntityFrameworkCore.Infrastructure;
            using Microsoft.EntityFrameworkCore.Migrations;
            using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

            #nullable disable

            namespace Driehoek.Web.Infrastructure.Data.Migrations;

            [DbContext(typeof(AppDbContext))]
            [Migration("{{id}}")]
            public sealed class {{name}} : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
            {{up.ToString().TrimEnd()}}
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
            {{string.Join(Environment.NewLine, down)}}
                }
            }

            """;
    }

    private static void WriteCreateTable(StringBuilder sb, CreateTableOperation table)
    {
        sb.AppendLine("        migrationBuilder.CreateTable(");
        sb.AppendLine($"            name: {Q(table.Name)},");
        sb.AppendLine("            columns: table => new");
        sb.AppendLine("            {");
        foreach (var column in table.Columns)
        {
            var identity = column.FindAnnotation("Sqlite:Autoincrement")?.Value is true
                ? Environment.NewLine + "                    .Annotation(\"Sqlite:Autoincrement\", true)"
                  + Environment.NewLine + "                    .Annotation(\"Npgsql:ValueGenerationStrategy\", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)"
                : "";
            sb.AppendLine($"                {column.Name} = table.Column<{ClrName(column.ClrType)}>({ColumnArguments(column)}){identity},");
        }
        sb.AppendLine("            },");
        sb.AppendLine("            constraints: table =>");
        sb.AppendLine("            {");
        if (table.PrimaryKey is { } pk)
        {
            sb.AppendLine($"                table.PrimaryKey({Q(pk.Name)}, {Columns(pk.Columns)});");
        }
        foreach (var fk in table.ForeignKeys)
        {
            sb.AppendLine("                table.ForeignKey(");
            sb.AppendLine($"                    name: {Q(fk.Name)},");
            sb.AppendLine($"                    column: {Columns(fk.Columns)},");
            sb.AppendLine($"                    principalTable: {Q(fk.PrincipalTable)},");
            sb.AppendLine($"                    principalColumn: {Q(fk.PrincipalColumns!.Single())},");
            sb.AppendLine($"                    onDelete: ReferentialAction.{fk.OnDelete});");
        }
        sb.AppendLine("            });");
        sb.AppendLine();
    }

    private static void WriteCreateIndex(StringBuilder sb, CreateIndexOperation index)
    {
        sb.AppendLine("        migrationBuilder.CreateIndex(");
        sb.AppendLine($"            name: {Q(index.Name)},");
        sb.AppendLine($"            table: {Q(index.Table)},");
        sb.Append(index.Columns.Length == 1
            ? $"            column: {Q(index.Columns[0])}"
            : $"            columns: new[] {{ {string.Join(", ", index.Columns.Select(Q))} }}");
        if (index.IsUnique)
        {
            sb.Append(",\n            unique: true");
        }
        if (index.Filter is not null)
        {
            sb.Append($",\n            filter: {Q(index.Filter)}");
        }
        sb.AppendLine(");");
        sb.AppendLine();
    }

    private static string ColumnArguments(ColumnOperation column)
    {
        var parts = new List<string>();
        if (column.MaxLength is { } max)
        {
            parts.Add($"maxLength: {max.ToString(CultureInfo.InvariantCulture)}");
        }
        parts.Add($"nullable: {(column.IsNullable ? "true" : "false")}");
        if (column.DefaultValue is { } value)
        {
            parts.Add($"defaultValue: {Literal(value)}");
        }
        return string.Join(", ", parts);
    }

    private static string Columns(string[] columns) => columns.Length == 1
        ? $"x => x.{columns[0]}"
        : $"x => new {{ {string.Join(", ", columns.Select(c => "x." + c))} }}";

    private static string ClrName(Type type)
    {
        var inner = Nullable.GetUnderlyingType(type);
        if (inner is not null)
        {
            return ClrName(inner) + "?";
        }
        return type == typeof(string) ? "string"
            : type == typeof(int) ? "int"
            : type == typeof(long) ? "long"
            : type == typeof(bool) ? "bool"
            : type == typeof(byte[]) ? "byte[]"
            : type == typeof(double) ? "double"
            : type == typeof(decimal) ? "decimal"
            : type.Name;
    }

    private static string Literal(object value) => value switch
    {
        bool b => b ? "true" : "false",
        string s => Q(s),
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        Guid g => $"new Guid(\"{g}\")",
        DateTime d => $"new DateTime({d.Ticks}L, DateTimeKind.Utc)",
        _ => throw new NotSupportedException($"No literal for default value {value} ({value.GetType().Name}); write this column by hand."),
    };

    private static string Q(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
