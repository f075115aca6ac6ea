using System.Diagnostics;
using Driehoek.Web.Features.People;
using Driehoek.Web.Infrastructure.Data;
using Driehoek.Web.Infrastructure.Outbox;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Driehoek.Tests.Platform;

/// <summary>Timed tests run on their own, after the tests that run in parallel.</summary>
[CollectionDefinition(OutboxReliabilityTests.Name, DisableParallelization = true)]
public sealed class OutboxTimingCollection;

/// <summary>
/// The outbox against a real SMTP conversation (<see cref="SmtpSink"/>): speed, two instances with a lease
/// shorter than a send, a kill -9 in the middle of sending, and how soon the first e-mail leaves.
/// Slow: together about 45 s.
/// </summary>
[Trait("Speed", "Slow"), Collection(Name)]
public sealed class OutboxReliabilityTests(ITestOutputHelper output)
{
    public const string Name = "outbox timing";

    [Fact]
    public Task Delivers_at_least_200_messages_a_second_to_a_fast_smtp_server_on_sqlite() => ThroughputAsync(DatabaseProvider.Sqlite);

    [Fact, Trait("Provider", "Postgres")]
    public Task Delivers_at_least_200_messages_a_second_to_a_fast_smtp_server_on_postgresql() => ThroughputAsync(DatabaseProvider.Postgres);

    private async Task ThroughputAsync(DatabaseProvider provider)
    {
        const int count = 1_000, warmUp = 40;
        await using var sink = SmtpSink.Start();
        await using var database = await TestDatabase.CreateAsync(provider);
        using var host = DeliveryHost(provider, database.ConnectionString, sink.Port);
        await DatabaseSetup.MigrateAsync(host.Services);
        await host.StartAsync();
        // A first small batch warms up what runs once per process (JIT, query compilation, connection pools).
        await EnqueueAsync(host.Services, warmUp);
        await WaitUntilAllSentAsync(host.Services, TimeSpan.FromSeconds(30));

        // The best of up to three runs: a machine shared with other jobs can stall one of them.
        var best = 0.0;
        for (var run = 1; run <= 3 && best < 200; run++)
        {
            var watch = Stopwatch.StartNew();
            await EnqueueAsync(host.Services, count); // its commit wakes the worker
            await WaitUntilAllSentAsync(host.Services, TimeSpan.FromSeconds(30));
            var rate = count / watch.Elapsed.TotalSeconds;
            output.WriteLine($"{provider}, run {run}: {count} messages in {watch.Elapsed.TotalMilliseconds:F0} ms = {rate:F0} messages/s");
            best = Math.Max(best, rate);
        }
        await host.StopAsync();

        Assert.Equal(sink.DistinctCount, sink.Messages.Count);
        Assert.True(best >= 200, $"{best:F0} messages/s on {provider}, expected at least 200");
    }

    [Fact, Trait("Provider", "Postgres")]
    public async Task Two_instances_and_a_server_slower_than_the_lease_send_every_message_exactly_once()
    {
        const int count = 6;
        // Each send takes 2 s; a claim not renewed holds for 1 s.
        await using var sink = SmtpSink.Start(delayPerMessage: TimeSpan.FromSeconds(2));
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var settings = new Dictionary<string, string?> { ["Outbox:LeaseSeconds"] = "1", ["Outbox:Senders"] = "2", ["Outbox:PollSeconds"] = "0.1" };
        using var first = DeliveryHost(DatabaseProvider.Postgres, database.ConnectionString, sink.Port, settings);
        using var second = DeliveryHost(DatabaseProvider.Postgres, database.ConnectionString, sink.Port, settings);
        await DatabaseSetup.MigrateAsync(first.Services);
        await EnqueueAsync(first.Services, count);

        var watch = Stopwatch.StartNew();
        await Task.WhenAll(first.StartAsync(), second.StartAsync());
        await WaitUntilAllSentAsync(first.Services, TimeSpan.FromSeconds(30));
        var sent = watch.Elapsed;
        await Task.WhenAll(first.StopAsync(), second.StopAsync());

        output.WriteLine($"received {sink.Messages.Count} for {count} messages in {sent.TotalSeconds:F1} s (stopped after {watch.Elapsed.TotalSeconds:F1} s)");
        Assert.Equal(count, sink.DistinctCount);
        Assert.Equal(count, sink.Messages.Count);
    }

    [Fact, Trait("Provider", "Postgres")]
    public async Task After_a_kill_minus_9_mid_send_nothing_is_lost_and_at_most_one_message_per_sender_goes_twice()
    {
        const int count = 100, senders = 4;
        await using var sink = SmtpSink.Start(delayPerMessage: TimeSpan.FromMilliseconds(40));
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Postgres"] = database.ConnectionString,
            ["Smtp__Host"] = "127.0.0.1",
            ["Smtp__Port"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Outbox__Senders"] = senders.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Outbox__LeaseSeconds"] = "2",
            ["Outbox__PollSeconds"] = "0.2",
        };

        var watch = Stopwatch.StartNew();
        await using (var app = await AppProcess.StartAsync(environment))
        {
            output.WriteLine($"{watch.Elapsed.TotalSeconds:F1} s: started");
            await using var db = database.Context();
            var outbox = new Outbox(db, TimeProvider.System, new OutboxCommitSignal(new OutboxSignal()));
            for (var i = 0; i < count; i++)
            {
                outbox.Email(new EmailMessage($"kill.{i}@test.invalid", "Onderwerp", "Tekst"));
            }
            await db.SaveChangesAsync();
            await sink.WaitForDistinctAsync(30, TimeSpan.FromSeconds(20));
            await app.KillAsync();
            output.WriteLine($"{watch.Elapsed.TotalSeconds:F1} s: killed");
        }
        var beforeRestart = sink.DistinctCount;
        Assert.True(beforeRestart < count, "the app finished before it was killed: nothing was in flight");

        await using (var restarted = await AppProcess.StartAsync(environment))
        {
            output.WriteLine($"{watch.Elapsed.TotalSeconds:F1} s: restarted");
            await sink.WaitForDistinctAsync(count, TimeSpan.FromSeconds(30));
            output.WriteLine($"{watch.Elapsed.TotalSeconds:F1} s: all received");
            await using var db = database.Context();
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (await db.OutboxMessages.CountAsync(m => m.SentAt == null) > 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }

        var duplicates = sink.Messages.Count - sink.DistinctCount;
        output.WriteLine($"killed after {beforeRestart} of {count}; {duplicates} sent twice");
        Assert.Equal(count, sink.DistinctCount);
        Assert.InRange(duplicates, 0, senders);
    }

    [Fact]
    public async Task The_first_email_leaves_within_a_second_of_the_request_that_wrote_it()
    {
        await using var sink = SmtpSink.Start();
        var app = new SlowPollApp(sink.Port);
        await app.InitializeAsync();
        try
        {
            var school = await app.World.SchoolAsync();
            var child = await school.StudentAsync(await school.GroupAsync());
            var guardian = await school.GuardianAsync([child], login: false);
            var leader = await school.StaffAsync(StaffRole.SchoolLeader);
            using var staff = await app.SignInAsync(leader.Email!);

            await staff.SubmitAsync($"/school/{school.Id}/invitations", new() { ["kind"] = "Guardian" });
            var answered = DateTimeOffset.UtcNow;
            var mail = await sink.WaitForAsync(m => m.To == guardian.Email, TimeSpan.FromSeconds(10));

            var latency = mail.At - answered;
            output.WriteLine($"first e-mail {latency.TotalMilliseconds:F0} ms after the response");
            Assert.True(latency < TimeSpan.FromSeconds(1), $"the e-mail left {latency.TotalMilliseconds:F0} ms after the request");
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    /// <summary>The app with the production poll interval (and longer): only the commit's signal can make the mail leave at once.</summary>
    private sealed class SlowPollApp(int smtpPort) : TestApp(DatabaseProvider.Sqlite)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Outbox:PollSeconds", "30");
            builder.UseSetting("Smtp:Host", "127.0.0.1");
            builder.UseSetting("Smtp:Port", smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Just the outbox worker on a database: an "instance" without the web app.</summary>
    private static IHost DeliveryHost(DatabaseProvider provider, string connectionString, int smtpPort, Dictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing", ContentRootPath = Path.GetTempPath() });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Database:Provider"] = provider.ToString(),
            [$"ConnectionStrings:{provider}"] = connectionString,
        });
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddDatabase();
        builder.Services.AddOutbox();
        return builder.Build();
    }

    private static async Task EnqueueAsync(IServiceProvider services, int count)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        for (var i = 0; i < count; i++)
        {
            outbox.Email(new EmailMessage($"ouder.{i}@test.invalid", "Onderwerp", $"Bericht {i}"));
        }
        await db.SaveChangesAsync();
    }

    private static async Task WaitUntilAllSentAsync(IServiceProvider services, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                if (!await db.OutboxMessages.AnyAsync(m => m.SentAt == null))
                {
                    return;
                }
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not every outbox message was marked sent within {timeout.TotalSeconds} s.");
            }
            await Task.Delay(50);
        }
    }

    /// <summary>A fresh database of either provider for one test.</summary>
    private sealed class TestDatabase : IAsyncDisposable
    {
        private readonly string? _folder;
        private readonly PostgresDatabase? _postgres;

        private TestDatabase(DatabaseProvider provider, string connectionString, string? folder, PostgresDatabase? postgres)
        {
            Provider = provider;
            ConnectionString = connectionString;
            _folder = folder;
            _postgres = postgres;
        }

        public DatabaseProvider Provider { get; }
        public string ConnectionString { get; }

        public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
        {
            if (provider == DatabaseProvider.Postgres)
            {
                var postgres = await PostgresDatabase.CreateAsync();
                return new TestDatabase(provider, postgres.ConnectionString, null, postgres);
            }
            var folder = Directory.CreateTempSubdirectory("driehoek-outbox-").FullName;
            return new TestDatabase(provider, $"Data Source={Path.Combine(folder, "o.db")}", folder, null);
        }

        public AppDbContext Context() => DatabaseSetup.CreateContext(Provider, ConnectionString);

        public async ValueTask DisposeAsync()
        {
            if (_postgres is not null)
            {
                await _postgres.DisposeAsync();
            }
            if (_folder is not null)
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(_folder, recursive: true);
            }
        }
    }
}
