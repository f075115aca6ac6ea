using Driehoek.Web.Infrastructure.Data;
using Microsoft.Data.Sqlite;

namespace Driehoek.Tests.Platform;

/// <summary>ConnectionStrings:Sqlite is documented as "the SQLite file"; a connection string works too.</summary>
public sealed class SqliteConnectionStringTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"driehoek-root-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void Nothing_configured_means_the_default_file_under_the_content_root()
    {
        var resolved = Resolve(null);

        Assert.Equal(Path.Combine(_root, "App_Data", "driehoek.db"), resolved.DataSource);
        Assert.True(Directory.Exists(Path.Combine(_root, "App_Data")));
    }

    [Fact]
    public void A_relative_path_is_a_file_under_the_content_root_and_its_folder_is_made()
    {
        var resolved = Resolve("data/school.db");

        Assert.Equal(Path.Combine(_root, "data", "school.db"), resolved.DataSource);
        Assert.True(Directory.Exists(Path.Combine(_root, "data")));
    }

    [Fact]
    public void An_absolute_path_is_used_as_it_is()
    {
        var file = Path.Combine(_root, "elsewhere", "driehoek.db");

        Assert.Equal(file, Resolve(file).DataSource);
    }

    [Fact]
    public void A_connection_string_keeps_its_options_and_a_relative_file_in_it_is_under_the_content_root()
    {
        var resolved = Resolve("Data Source=App_Data/school.db;Cache=Shared");

        Assert.Equal(Path.Combine(_root, "App_Data", "school.db"), resolved.DataSource);
        Assert.Equal(SqliteCacheMode.Shared, resolved.Cache);
    }

    [Fact]
    public void An_in_memory_database_stays_in_memory()
    {
        Assert.Equal(":memory:", Resolve("Data Source=:memory:").DataSource);
        Assert.False(Directory.Exists(_root));
    }

    private SqliteConnectionStringBuilder Resolve(string? configured) =>
        new(DatabaseSetup.SqliteConnectionString(configured, _root));
}
