using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Driehoek.Web.Infrastructure.Data;

/// <summary>The model on SQLite; its migrations and model snapshot are in Migrations/Sqlite.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

/// <summary>The model on PostgreSQL; its migrations and model snapshot are in Migrations/Postgres.</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);

/// <summary>For `dotnet ef migrations add … --context SqliteAppDbContext`: the model, without the app or a database.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(DatabaseSetup.Options<SqliteAppDbContext>(new(DatabaseProvider.Sqlite, "Data Source=design-time.db")));
}

/// <summary>For `dotnet ef migrations add … --context PostgresAppDbContext`; adding a migration connects to nothing.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(DatabaseSetup.Options<PostgresAppDbContext>(new(DatabaseProvider.Postgres, "Host=localhost;Database=driehoek_design_time")));
}
