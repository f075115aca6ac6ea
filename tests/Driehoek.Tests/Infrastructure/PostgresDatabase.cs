using Npgsql;

namespace Driehoek.Tests.Infrastructure;

/// <summary>A fresh, empty PostgreSQL database on the test server (DRIEHOEK_TEST_POSTGRES), dropped afterwards.</summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly string _name = $"driehoek_test_{Guid.NewGuid():N}";

    private PostgresDatabase()
    {
        ConnectionString = new NpgsqlConnectionStringBuilder(TestEnvironment.Postgres) { Database = _name }.ToString();
    }

    public string ConnectionString { get; }

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var database = new PostgresDatabase();
        await ExecuteAsync($"CREATE DATABASE \"{database._name}\"");
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestEnvironment.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
