using System.Diagnostics;
using Driehoek.Web.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Driehoek.BookingRush;

public sealed record ProviderResult(
    Provider Provider, string Durability, Seeded Seeded, int SignedIn, TimeSpan SignInTook, TimeSpan RushTook, double RushCpuSeconds, double MachineBusy,
    Measurements Measured, long Commands, RuntimeStats Runtime, DoubleBookings Doubles, TimeSpan OutboxDrainTook, int OutboxLeft, RawResult Raw)
{
    public double BookingsPerSecond => Measured.Booked / RushTook.TotalSeconds;
    public double RatioToRaw => BookingsPerSecond / Raw.RowsPerSecond;
}

/// <summary>One provider from start to end: app, seed, sign-ins, the rush, the checks, then the raw-insert baseline.</summary>
public static class ProviderRun
{
    private const int WarmUpFamilies = 1000;

    public static async Task<ProviderResult> RunAsync(Provider provider, Options options, TextWriter log)
    {
        using var commands = new CommandCounter();
        using var ef = new EfCounters();
        await using var app = new BenchApp(provider, options.Postgres);
        await app.StartAsync();
        var durability = await app.DurabilitySettingsAsync();
        log.WriteLine($"[{provider}] app on {app.BaseAddress}; {durability}");

        var seeded = await Seeder.SeedAsync(app, options.Families, Math.Min(WarmUpFamilies, options.Families));
        log.WriteLine($"[{provider}] seeded {seeded.Families.Count} families, {seeded.Classes} classes, {seeded.Slots} slots for {seeded.Demand} meetings in {seeded.Took.TotalSeconds:F1} s");
        await SetOpensAtAsync(app, seeded.RoundId, DateTime.UtcNow.AddHours(1));

        var clients = seeded.Families.Select(f => new FamilyClient(f, app.BaseAddress, options.Seed * 1_000_003 + f.Number)).ToList();
        try
        {
            var (signedIn, signInTook) = await SignInAsync(clients, options, provider, log);
            await WarmUpAsync(app, clients, seeded, options, provider, log);

            var measured = new Measurements();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var machineBefore = MachineCpu.Now();
            var runtimeBefore = RuntimeStats.Now();
            commands.On = true;
            var rushWatch = Stopwatch.StartNew();
            await Parallel.ForEachAsync(clients, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency },
                async (client, _) => await client.BookAsync(measured, seeded.RoundId));
            var rushTook = rushWatch.Elapsed;
            var runtime = RuntimeStats.Now(ef.HitRate).Since(runtimeBefore);
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            var machineBusy = MachineCpu.Now().BusySince(machineBefore);
            log.WriteLine($"[{provider}] rush: {measured.Booked} bookings in {rushTook.TotalSeconds:F1} s, {measured.LostRaces} lost races, {measured.Errors} errors");
            // The confirmations the rush put in the outbox are part of what its bookings cost, sent during the rush or after it.
            var (drainTook, left) = await DrainOutboxAsync(app);
            commands.On = false;
            log.WriteLine($"[{provider}] where the {commands.Count} commands went (per booking, start of the SQL):");
            foreach (var (shape, count) in commands.ByShape(25))
            {
                log.WriteLine($"[{provider}]   {(double)count / Math.Max(1, measured.Booked),5:0.00}  {shape}");
            }

            var doubles = await DoubleBookings.CountAsync(app, seeded.RoundId);
            var rawDuration = TimeSpan.FromSeconds(Math.Clamp(rushTook.TotalSeconds, 5, 60));
            var raw = await RawInserts.RunAsync(provider, app.ConnectionString, options.Concurrency, rawDuration);
            log.WriteLine($"[{provider}] raw inserts: {raw.RowsPerSecond:F0} rows/s");
            return new ProviderResult(provider, durability, seeded, signedIn, signInTook, rushTook, cpu, machineBusy, measured, commands.Count, runtime, doubles, drainTook, left, raw);
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    /// <summary>Real sign-ins through the form, a few at a time: production password hashing is slow on purpose.</summary>
    private static async Task<(int SignedIn, TimeSpan Took)> SignInAsync(List<FamilyClient> clients, Options options, Provider provider, TextWriter log)
    {
        var watch = Stopwatch.StartNew();
        var signedIn = 0;
        await Parallel.ForEachAsync(clients, new ParallelOptions { MaxDegreeOfParallelism = options.SignInParallelism }, async (client, _) =>
        {
            if (await client.SignInAsync())
            {
                Interlocked.Increment(ref signedIn);
            }
        });
        log.WriteLine($"[{provider}] {signedIn} of {clients.Count} families signed in in {watch.Elapsed.TotalSeconds:F1} s");
        return signedIn == clients.Count
            ? (signedIn, watch.Elapsed)
            : throw new InvalidOperationException($"Only {signedIn} of {clients.Count} families could sign in.");
    }

    /// <summary>Warms the server like one that has been up for a while: some families book in an earlier round first; then booking opens.</summary>
    private static async Task WarmUpAsync(BenchApp app, List<FamilyClient> clients, Seeded seeded, Options options, Provider provider, TextWriter log)
    {
        var warm = new Measurements();
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(clients.Take(seeded.WarmUpFamilies), new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency },
            async (client, _) => await client.BookAsync(warm, seeded.WarmUpRoundId));
        log.WriteLine($"[{provider}] warm-up: {warm.Booked} bookings in another round in {watch.Elapsed.TotalSeconds:F1} s, {warm.Errors} errors");
        await DrainOutboxAsync(app);
        if (provider == Provider.Postgres)
        {
            // Autovacuum would have analysed the tables of a server that has been up for a while; without it the
            // planner takes the freshly filled Bookings table for empty and scans it for every free slot it checks.
            await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("ANALYZE"));
        }
        var settled = await JitSettledAsync();
        log.WriteLine($"[{provider}] JIT settled after {settled.TotalSeconds:F1} s");
        await SetOpensAtAsync(app, seeded.RoundId, DateTime.UtcNow);
    }

    /// <summary>
    /// Waits (at most a minute) until the runtime has finished tiering up what the warm-up made hot: on 2 cores the
    /// background re-JIT would otherwise take a quarter of the CPU from the rush, which a server that has been up
    /// for a while does not pay.
    /// </summary>
    private static async Task<TimeSpan> JitSettledAsync()
    {
        var watch = Stopwatch.StartNew();
        var last = System.Runtime.JitInfo.GetCompiledMethodCount();
        while (watch.Elapsed < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(1000);
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now - last < 5)
            {
                break;
            }
            last = now;
        }
        return watch.Elapsed;
    }

    private static Task<int> SetOpensAtAsync(BenchApp app, Guid roundId, DateTime opensAt) =>
        app.WithDbAsync(db => db.Rounds.Where(r => r.Id == roundId).ExecuteUpdateAsync(s => s.SetProperty(r => r.BookingOpensAt, opensAt)));

    /// <summary>The confirmation e-mails are part of a booking: wait (bounded) until the outbox has sent them.</summary>
    private static async Task<(TimeSpan Took, int Left)> DrainOutboxAsync(BenchApp app)
    {
        var watch = Stopwatch.StartNew();
        var left = int.MaxValue;
        while (watch.Elapsed < TimeSpan.FromMinutes(5))
        {
            left = await app.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.SentAt == null && m.FailedAt == null));
            if (left == 0)
            {
                break;
            }
            await Task.Delay(250);
        }
        return (watch.Elapsed, left);
    }
}
