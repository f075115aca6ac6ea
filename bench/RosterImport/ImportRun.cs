using System.Diagnostics;
using Driehoek.Bench;
using Driehoek.Web.Data;
using Driehoek.Web.Features.Accounts;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Roster;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Driehoek.RosterImport;

/// <summary>One import as the leader does it: upload (the app previews), Verwerken, and waiting for the job.</summary>
public sealed record Pass(TimeSpan Preview, TimeSpan Commit, long PeakWorkingSet, long PeakManaged)
{
    public TimeSpan Total => Preview + Commit;
}

public sealed record SizeResult(Provider Provider, int Students, int Families, long FileBytes, Counts After, Pass First, Pass Again, Counts AfterAgain)
{
    public double Ratio => Again.Total / First.Total;
}

public sealed record Counts(int Students, int Guardians, int Households, int Guardianships);

/// <summary>Per size, a fresh board with one school and its leader; the same file imported twice.</summary>
public static class ImportRun
{
    private const string Password = "bench-password-1";

    public static async Task<SizeResult> RunAsync(BenchApp app, int students, int seed, TextWriter log)
    {
        var (file, families) = RosterFile.Students(students, seed);
        var (schoolId, boardId, email) = await SeedSchoolAsync(app, students);
        using var leader = new BenchBrowser(app.BaseAddress);
        await leader.SignInAsync(email, Password);

        var first = await ImportAsync(app, leader, schoolId, file);
        var after = await CountAsync(app, schoolId, boardId);
        log.WriteLine($"[{app.Provider}] {students} students: first import {first.Total.TotalSeconds:F1} s (preview {first.Preview.TotalSeconds:F1} s), "
                      + $"peak working set {first.PeakWorkingSet / 1048576} MB; {after}");
        var again = await ImportAsync(app, leader, schoolId, file);
        var afterAgain = await CountAsync(app, schoolId, boardId);
        log.WriteLine($"[{app.Provider}] {students} students: re-import {again.Total.TotalSeconds:F1} s, peak working set {again.PeakWorkingSet / 1048576} MB; {afterAgain}");
        return new SizeResult(app.Provider, students, families, file.Length, after, first, again, afterAgain);
    }

    private static async Task<Pass> ImportAsync(BenchApp app, BenchBrowser leader, Guid schoolId, byte[] file)
    {
        // What the earlier passes left is collected first, so the peak belongs to this one.
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        using var sampler = new MemorySampler();
        var watch = Stopwatch.StartNew();
        var previewPath = await leader.UploadAsync(schoolId, file);
        var preview = watch.Elapsed;
        var importId = Guid.Parse(previewPath.TrimEnd('/').Split('/')[^1]);
        await leader.CommitAsync(previewPath);
        RosterImportStatus status;
        while ((status = await app.WithDbAsync(db => db.Set<Driehoek.Web.Features.Roster.RosterImport>().AsNoTracking()
                   .Where(i => i.Id == importId).Select(i => i.Status).SingleAsync())) == RosterImportStatus.Committing)
        {
            await Task.Delay(50);
        }
        var commit = watch.Elapsed - preview;
        if (status != RosterImportStatus.Committed)
        {
            throw new InvalidOperationException($"Import {importId} ended {status}");
        }
        return new Pass(preview, commit, sampler.PeakWorkingSet, sampler.PeakManaged);
    }

    private static async Task<(Guid School, Guid Board, string Email)> SeedSchoolAsync(BenchApp app, int students)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        var board = new Board { Name = $"Bestuur ({students} leerlingen)", TwoFactorForAdmins = false };
        // The bench signs in with a password only: no two-step sign-in for the leader.
        var school = new School { BoardId = board.Id, Name = $"Brede school {students}", Kind = SchoolKind.Primary, TwoFactorRoles = StaffRoles.None };
        var email = $"leider{students}.{Guid.NewGuid():N}@bench.invalid";
        var normalizer = services.GetRequiredService<ILookupNormalizer>();
        var user = new AppUser
        {
            UserName = email, NormalizedUserName = normalizer.NormalizeName(email), Email = email, NormalizedEmail = normalizer.NormalizeEmail(email),
            EmailConfirmed = true, SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString(),
            LockoutEnabled = true, DisplayName = "Schoolleider", PreferredLanguage = "nl", CreatedAt = now,
        };
        user.PasswordHash = services.GetRequiredService<IPasswordHasher<AppUser>>().HashPassword(user, Password);
        var leader = new StaffMember { SchoolId = school.Id, ExternalId = "DIR", FirstName = "Schoolleider", LastName = "Bench", Email = email, UserId = user.Id };
        db.AddRange(board, school, user, leader);
        db.StaffAssignments.Add(new StaffAssignment { SchoolId = school.Id, StaffMemberId = leader.Id, Role = StaffRole.SchoolLeader });
        await db.SaveChangesAsync();
        return (school.Id, board.Id, email);
    }

    private static Task<Counts> CountAsync(BenchApp app, Guid schoolId, Guid boardId) => app.WithDbAsync(async db => new Counts(
        await db.Students.CountAsync(s => s.SchoolId == schoolId),
        await db.Guardians.CountAsync(g => g.BoardId == boardId),
        await db.Households.CountAsync(h => h.BoardId == boardId),
        await db.Guardianships.CountAsync(g => g.SchoolId == schoolId)));
}

/// <summary>
/// Samples the process's working set and the managed heap every 20 ms: the peak of one pass, where
/// <see cref="Process.PeakWorkingSet64"/> would keep the peak of the whole run.
/// </summary>
public sealed class MemorySampler : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peakWorkingSet, _peakManaged;

    public MemorySampler() => _loop = Task.Run(async () =>
    {
        while (!_stop.IsCancellationRequested)
        {
            Sample();
            try
            {
                await Task.Delay(20, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    });

    public long PeakWorkingSet => Volatile.Read(ref _peakWorkingSet);
    public long PeakManaged => Volatile.Read(ref _peakManaged);

    private void Sample()
    {
        var ws = Environment.WorkingSet;
        var managed = GC.GetTotalMemory(false);
        if (ws > _peakWorkingSet)
        {
            Volatile.Write(ref _peakWorkingSet, ws);
        }
        if (managed > _peakManaged)
        {
            Volatile.Write(ref _peakManaged, managed);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _loop.Wait();
        Sample();
        _stop.Dispose();
    }
}
