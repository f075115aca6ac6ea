using Driehoek.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Driehoek.Tests.Infrastructure;

/// <summary>
/// The real app over HTTP on a real database. Only the clock is replaced; mail goes to the SMTP
/// server the test script started (or to a pickup folder when none runs).
/// </summary>
public abstract class TestApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "test-password-1";

    private readonly string _folder = Directory.CreateTempSubdirectory("driehoek-test-").FullName;
    private readonly string? _sharedDatabase;
    private string? _postgresDatabase;

    /// <param name="sharedDatabase">A connection string of a database another app instance uses too (it is neither created nor dropped here).</param>
    protected TestApp(DatabaseProvider provider, bool kestrel = false, string? sharedDatabase = null)
    {
        Provider = provider;
        _sharedDatabase = sharedDatabase;
        if (kestrel)
        {
            UseKestrel(0);
        }
    }

    public DatabaseProvider Provider { get; }
    public TestClock Clock { get; } = new();
    public MissingResources MissingResources { get; } = new();

    /// <summary>What the server logged as an error (the latest few hundred): a test that sees a 5xx can say why.</summary>
    public ServerErrors ServerErrors { get; } = new();
    public string ConnectionString { get; private set; } = "";
    public string PickupFolder => Path.Combine(_folder, "mail");
    public World World => new(this);

    public virtual async Task InitializeAsync()
    {
        ConnectionString = _sharedDatabase ?? await CreateDatabaseAsync();
        await PrepareDatabaseAsync();
        StartServer();
    }

    /// <summary>The database the app starts on: a new, empty one of its own (dropped at the end).</summary>
    protected virtual async Task<string> CreateDatabaseAsync() =>
        Provider == DatabaseProvider.Sqlite
            ? new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "driehoek.db") }.ToString()
            : await CreatePostgresDatabaseAsync();

    /// <summary>Runs before the app starts (and migrates), e.g. to leave an older database behind.</summary>
    protected virtual Task PrepareDatabaseAsync() => Task.CompletedTask;

    /// <summary>A folder of this app's own, removed at the end.</summary>
    protected string Folder => _folder;

    public new virtual async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(TestEnvironment.Postgres);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the OS to clean.
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting($"ConnectionStrings:{Provider}", ConnectionString);
        builder.UseSetting("Demo:Enabled", "false");
        builder.UseSetting("Outbox:PollSeconds", "0.2");
        builder.UseSetting("Jobs:PollSeconds", "0.2");
        // Sends in chunks of a few dozen, so a test sees several chunks without filling the mail lane for the others.
        builder.UseSetting("Accounts:InvitationChunk", "20");
        builder.UseSetting("Rounds:InvitationChunk", "20");
        // Tests run reminders themselves (SendReminders) at the clock they choose; a background pass could land on another test's moved clock.
        builder.UseSetting("Reminders:Enabled", "false");
        builder.UseSetting("Agreements:NoticesEnabled", "false");
        // Tests run the task rules themselves (RunTaskRules) at the clock they choose.
        builder.UseSetting("Tasks:RulesEnabled", "false");
        builder.UseSetting("RateLimits:SignInPerMinute", "100000");
        builder.UseSetting("Logging:LogLevel:Default", Environment.GetEnvironmentVariable("DRIEHOEK_TEST_LOGLEVEL") ?? "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
        builder.UseSetting("Smtp:PickupDirectory", PickupFolder);
        // Test evenings are tiny: the scheduler stops at its bounds long before this.
        builder.UseSetting("ParentEvenings:TimeBudgetSeconds", "3");
        if (TestEnvironment.SmtpPort is { } port)
        {
            builder.UseSetting("Smtp:Host", "127.0.0.1");
            builder.UseSetting("Smtp:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        builder.UseContentRoot(ContentRoot());
        builder.ConfigureLogging(logging => logging.AddProvider(ServerErrors));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            // Hashing stays real, with fewer rounds: the suite signs in hundreds of test users.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
            MissingResources.Register(services, MissingResources);
        });
    }

    public async Task WithDbAsync(Func<AppDbContext, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public AppClient Client() => new(CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = ClientOptions.BaseAddress, AllowAutoRedirect = false, HandleCookies = true,
    }));

    /// <summary>Signs in with the password and, for an account with an authenticator, its current code.</summary>
    public async Task<AppClient> SignInAsync(string email)
    {
        var client = Client();
        await client.SignInAsync(email, Password, () => Authenticators.CodeAsync(this, email));
        return client;
    }

    private async Task<string> CreatePostgresDatabaseAsync()
    {
        _postgresDatabase = $"driehoek_test_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(TestEnvironment.Postgres);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_postgresDatabase}\"", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(TestEnvironment.Postgres) { Database = _postgresDatabase }.ToString();
    }

    /// <summary>The web project's folder, so pages, resources and static files are the real ones.</summary>
    private static string ContentRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Driehoek.slnx")))
        {
            dir = dir.Parent;
        }
        return Path.Combine(dir!.FullName, "src", "Driehoek.Web");
    }
}

public sealed class SqliteApp() : TestApp(DatabaseProvider.Sqlite);

public sealed class PostgresApp() : TestApp(DatabaseProvider.Postgres);

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteApp>
{
    public const string Name = "sqlite";
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresApp>
{
    public const string Name = "postgres";
}
