using System.Diagnostics;
using System.Globalization;
using System.Text;
using Driehoek.Bench;
using Driehoek.Web.Features.Grades;
using Driehoek.Web.Features.Roster;
using Driehoek.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Driehoek.Grades;

/// <summary>One import of the period file through the pages: upload (the app previews), Verwerken, the job with its rules.</summary>
public sealed record Pass(TimeSpan Preview, TimeSpan Commit, int NewTasks)
{
    public TimeSpan Total => Preview + Commit;
}

public sealed record ProviderResult(Provider Provider, string Durability, int Students, int Groups, int Staff, int Grades, long FileBytes,
    Pass First, Pass Again, IReadOnlyDictionary<TaskKind, int> Tasks);

/// <summary>
/// Report grades at a secondary school's size: 2,000 students, a period of about 24,000 grades imported through the
/// real app (upload → preview → Verwerken → the background job that saves the grades and runs the grade rules, which
/// make the tasks and queue their e-mails), then the same file again, which must make no task.
/// </summary>
public static class Program
{
    public const string DefaultPostgres = "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";
    public static readonly TimeSpan Target = TimeSpan.FromSeconds(30);

    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        List<Provider> providers = [Provider.Sqlite, Provider.Postgres];
        var students = 2_000;
        string? output = null;
        var postgres = Environment.GetEnvironmentVariable("DRIEHOEK_BENCH_POSTGRES") ?? DefaultPostgres;
        try
        {
            for (var i = 0; i < args.Length; i += 2)
            {
                var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
                switch (args[i])
                {
                    case "--provider": providers = ProviderChoice.Parse(value); break;
                    case "--students": students = int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture); break;
                    case "--postgres": postgres = value; break;
                    case "--out": output = value; break;
                    default: throw new ArgumentException($"Unknown option {args[i]}");
                }
            }
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            await Console.Error.WriteLineAsync("usage: dotnet run -c Release --project bench/Grades -- [--provider sqlite|postgres|both] "
                                               + "[--students 2000] [--postgres \"<connection string>\"] [--out file.md]");
            return 2;
        }
        // The job runner looks for queued work every 5 s by default; the commit wait should be the import, not the poll.
        Environment.SetEnvironmentVariable("Jobs__PollSeconds", "0.2");
        var started = DateTime.UtcNow;
        var results = new List<ProviderResult>();
        foreach (var provider in providers)
        {
            results.Add(await RunAsync(provider, students, postgres));
        }
        var report = Report(results, started);
        Console.WriteLine(report);
        if (output is not null)
        {
            await File.WriteAllTextAsync(output, report);
        }
        return results.All(r => r.Again.NewTasks == 0) ? 0 : 1;
    }

    private static async Task<ProviderResult> RunAsync(Provider provider, int students, string postgres)
    {
        await using var app = new BenchApp(provider, postgres);
        await app.StartAsync();
        var durability = await app.DurabilitySettingsAsync();
        Console.Error.WriteLine($"[{provider}] app on {app.BaseAddress}; {durability}");
        var random = new Random(students);
        var school = await GradeSchool.SeedAsync(app, students, random);
        var file = school.PeriodFile(random);
        using var leader = new BenchBrowser(app.BaseAddress);
        await leader.SignInAsync(school.LeaderEmail, GradeSchool.Password);

        var first = await ImportAsync(app, leader, school.SchoolId, file);
        Console.Error.WriteLine($"[{provider}] first import {first.Total.TotalSeconds:F1} s (preview {first.Preview.TotalSeconds:F1} s), {first.NewTasks} tasks");
        var again = await ImportAsync(app, leader, school.SchoolId, file);
        Console.Error.WriteLine($"[{provider}] re-import {again.Total.TotalSeconds:F1} s, {again.NewTasks} new tasks");
        var tasks = await app.WithDbAsync(async db => (await db.Set<StaffTask>().AsNoTracking().Where(t => t.SchoolId == school.SchoolId)
            .GroupBy(t => t.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync()).ToDictionary(g => g.Key, g => g.Count));
        var grades = await app.WithDbAsync(db => db.Set<ReportGrade>().CountAsync(g => g.SchoolId == school.SchoolId && g.Period == "P2"));
        return new ProviderResult(provider, durability, students, school.Groups, school.Staff, grades, file.Length, first, again, tasks);
    }

    private static async Task<Pass> ImportAsync(BenchApp app, BenchBrowser leader, Guid schoolId, byte[] file)
    {
        var watch = Stopwatch.StartNew();
        var previewPath = await leader.UploadAsync(schoolId, file, "grades");
        var preview = watch.Elapsed;
        var importId = Guid.Parse(previewPath.TrimEnd('/').Split('/')[^1]);
        await leader.PostFormAsync(previewPath, []);
        (RosterImportStatus Status, int Tasks) state;
        while ((state = await app.WithDbAsync(async db =>
               {
                   var row = await db.Set<GradeImport>().AsNoTracking().Where(i => i.Id == importId).Select(i => new { i.Status, i.TasksCreated }).SingleAsync();
                   return (row.Status, row.TasksCreated);
               })).Status == RosterImportStatus.Committing)
        {
            await Task.Delay(50);
        }
        var commit = watch.Elapsed - preview;
        return state.Status == RosterImportStatus.Committed
            ? new Pass(preview, commit, state.Tasks)
            : throw new InvalidOperationException($"Grade import {importId} ended {state.Status}");
    }

    private static string Report(List<ProviderResult> results, DateTime started)
    {
        var text = new StringBuilder();
        var r0 = results[0];
        text.AppendLine(CultureInfo.InvariantCulture, $"{started:yyyy-MM-dd HH:mm} UTC, nproc = {Environment.ProcessorCount}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, "
                                                     + $".NET {Environment.Version}; a secondary school of {r0.Students:N0} students in {r0.Groups} classes, {r0.Staff} staff, "
                                                     + $"a period file of {r0.Grades:N0} grades ({r0.FileBytes / 1024:N0} KB) imported through the app, then again.");
        text.AppendLine();
        text.Append("| | ").AppendJoin(" | ", results.Select(r => r.Provider)).AppendLine(" |");
        text.Append("|---|").AppendJoin("", results.Select(_ => "--:|")).AppendLine();
        void Row(string name, Func<ProviderResult, string> cell) => text.Append("| ").Append(name).Append(" | ").AppendJoin(" | ", results.Select(cell)).AppendLine(" |");
        Row("preview (upload → checked) s", r => $"{r.First.Preview.TotalSeconds:F1}");
        Row("commit (grades + rules + tasks + mail) s", r => $"{r.First.Commit.TotalSeconds:F1}");
        Row("**end to end s**", r => $"**{r.First.Total.TotalSeconds:F1}**");
        Row("tasks made", r => $"{r.First.NewTasks:N0}");
        Row("tasks/s (end to end)", r => $"{r.First.NewTasks / r.First.Total.TotalSeconds:F0}");
        Row("tasks/s (commit)", r => $"{r.First.NewTasks / r.First.Commit.TotalSeconds:F0}");
        Row("of which low grade / fell / rose", r => $"{r.Tasks.GetValueOrDefault(TaskKind.LowGrade):N0} / {r.Tasks.GetValueOrDefault(TaskKind.GradesFell):N0} / {r.Tasks.GetValueOrDefault(TaskKind.GradesRose):N0}");
        Row("re-import end to end s", r => $"{r.Again.Total.TotalSeconds:F1}");
        Row("**re-import: new tasks**", r => $"**{r.Again.NewTasks}**");
        text.AppendLine();
        text.Append("| target | ").AppendJoin(" | ", results.Select(r => r.Provider)).AppendLine(" |");
        text.Append("|---|").AppendJoin("", results.Select(_ => "---|")).AppendLine();
        text.Append("| end to end < 30 s | ").AppendJoin(" | ", results.Select(r => r.First.Total < Target ? $"met ({r.First.Total.TotalSeconds:F1} s)" : $"not met ({r.First.Total.TotalSeconds:F1} s)")).AppendLine(" |");
        text.Append("| re-import makes 0 tasks | ").AppendJoin(" | ", results.Select(r => r.Again.NewTasks == 0 ? "met" : $"not met ({r.Again.NewTasks})")).AppendLine(" |");
        text.AppendLine();
        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {r.Provider}: {r.Durability}");
        }
        return text.ToString();
    }
}
