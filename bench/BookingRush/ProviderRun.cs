using System.Diagnostics;
using Driehoek.Web.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Driehoek.BookingRush;

public sealed record ProviderResult(
    Provider Provider, string Durability, Seeded Seeded, int SignedIn, TimeSpan SignInTook, TimeSpan RushTook, double RushCpuSeconds,
    Measurements Measured, DoubleBookings Doubles, TimeSpan OutboxDrainTook, int OutboxLeft, RawResult Raw)
{
    public double BookingsPerSecond => Measured.Booked / RushTook.TotalSeconds;
    public double RatioToRaw => BookingsPerSecond / Raw.RowsPerSecond;
}

/// <summary>One provider from start to end: app, seed, sign-ins, the rush, the checks, then the raw-insert baseline.</summary>
public static class ProviderRun
{
    private const int WarmUpFamilies = 16;

    public static async Task<ProviderResult> RunAsync(Provider provider, Options options, TextWriter log)
    {
        await using var app = new BenchApp(provider, options.Postgres);
        await app.StartAsync();
        var durability = await app.DurabilitySettingsAsync();
        log.WriteLine($"[{provider}] app on {app.BaseAddress}; {durability}");

        var seeded = await Seeder.SeedAsync(app, options.Families);
        log.WriteLine($"[{provider}] seeded {seeded.Families.Count} families, {seeded.Classes} classes, {seeded.Slots} slots for {seeded.Demand} meetings in {seeded.Took.TotalSeconds:F1} s");
        await SetOpensAtAsync(app, seeded.RoundId, DateTime.UtcNow.AddHours(1));

        var clients = seeded.Families.Select(f => new FamilyClient(f, app.BaseAddress, seeded.RoundId, options.Seed * 1_000_003 + f.Number)).ToList();
        try
        {
            var signInWatch = Stopwatch.StartNew();
            var signedIn = 0;
            await Parallel.ForEachAsync(clients, new ParallelOptions { MaxDegreeOfParallelism = options.SignInParallelism }, async (client, _) =>
            {
                if (await client.SignInAsync())
                {
                    Interlocked.Increment(ref signedIn);
                }
            });
            var signInTook = signInWatch.Elapsed;
            log.WriteLine($"[{provider}] {signedIn} of {clients.Count} families signed in in {signInTook.TotalSeconds:F1} s");
            if (signedIn != clients.Count)
            {
                throw new InvalidOperationException($"Only {signedIn} of {clients.Count} families could sign in.");
            }

            // Warm the booking endpoints like a server that has been up for a while; booking is not open yet.
            var warm = new Measurements();
            await Parallel.ForEachAsync(clients.Take(WarmUpFamilies), async (client, _) => await client.BookAsync(warm));
            log.WriteLine($"[{provider}] warm-up (booking not open yet): " + string.Join("; ", warm.ErrorsByKind.Select(e => $"{e.Key} × {e.Value}")));
            await SetOpensAtAsync(app, seeded.RoundId, DateTime.UtcNow);

            var measured = new Measurements();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var rushWatch = Stopwatch.StartNew();
            await Parallel.ForEachAsync(clients, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency },
                async (client, _) => await client.BookAsync(measured));
            var rushTook = rushWatch.Elapsed;
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            log.WriteLine($"[{provider}] rush: {measured.Booked} bookings in {rushTook.TotalSeconds:F1} s, {measured.LostRaces} lost races, {measured.Errors} errors");

            var (drainTook, left) = await DrainOutboxAsync(app);
            var doubles = await DoubleBookings.CountAsync(app, seeded.RoundId);
            var rawDuration = TimeSpan.FromSeconds(Math.Clamp(rushTook.TotalSeconds, 5, 60));
            var raw = await RawInserts.RunAsync(provider, app.ConnectionString, options.Concurrency, rawDuration);
            log.WriteLine($"[{provider}] raw inserts: {raw.RowsPerSecond:F0} rows/s");
            return new ProviderResult(provider, durability, seeded, signedIn, signInTook, rushTook, cpu, measured, doubles, drainTook, left, raw);
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
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
