using Microsoft.Extensions.Caching.Memory;
using Driehoek.Scheduling.Json;
using Driehoek.Scheduling.Model;
using Driehoek.Scheduling.Solving;
using Driehoek.Web.Infrastructure.Jobs;

namespace Driehoek.Web.Features.ParentEvenings;

public sealed record UnplacedLine(string RequestId, string Label, string Family, string ReasonKey, string Detail);

public sealed record FamilyWaiting(string Name, int Meetings, int WaitingMinutes, int Days);

/// <summary>A meeting on a teacher's timeline, or (no <see cref="RequestId"/>) the free time before the next one.</summary>
public sealed record TimelineItem(DateTime StartUtc, DateTime EndUtc, string? RequestId, string? Label);

public sealed record TeacherTimeline(string Id, string Name, int Meetings, int IdleMinutes, IReadOnlyList<TimelineItem> Items);

public sealed record MoveTime(int Slot, DateTime StartUtc);

public sealed record TeacherOption(string Id, string Name);

public sealed record MoveChoice(string RequestId, string Label, string? Teacher, int? Start, IReadOnlyList<TeacherOption> Teachers, IReadOnlyList<MoveTime> Times);

/// <summary>
/// Which part of a large evening the review page shows: one page of the unplaced requests and of the families'
/// waiting, and one teacher's timeline (the first teacher's when none is chosen). The API reads everything.
/// </summary>
public sealed record RunListing(string? Teacher = null, int UnplacedPage = 1, int WaitingPage = 1)
{
    public const int PageSize = 50;
}

/// <summary>A page of a list of <paramref name="Total"/> lines.</summary>
public sealed record ListPart(int Page, int Pages, int Total)
{
    public int First => Total == 0 ? 0 : ((Page - 1) * RunListing.PageSize) + 1;
    public int Last => Math.Min(Total, Page * RunListing.PageSize);

    public static ListPart Of(int total, int page)
    {
        var pages = Math.Max(1, (total + RunListing.PageSize - 1) / RunListing.PageSize);
        return new ListPart(Math.Clamp(page, 1, pages), pages, total);
    }

    public IEnumerable<T> Take<T>(IEnumerable<T> lines) => lines.Skip((Page - 1) * RunListing.PageSize).Take(RunListing.PageSize);
}

public sealed record RunReview(
    Guid RunId, Guid RoundId, string RoundName, ScheduleRunStatus Status, DateTime CreatedAt, DateTime? StartedAt, DateTime? FinishedAt,
    int TimeBudgetSeconds, int? MaxConsecutive, SolverProgress? Progress, string? FailureKey, string? FailureDetail, RunMetrics? Metrics,
    IReadOnlyList<UnplacedLine> Unplaced, IReadOnlyList<FamilyWaiting> Waiting, IReadOnlyList<TeacherTimeline> Teachers, MoveChoice? Move,
    bool Published, Guid Version, int Moves)
{
    /// <summary>Paged: which page of the unplaced and waiting lists this is; null when they are whole (the API).</summary>
    public ListPart? UnplacedPart { get; init; }
    public ListPart? WaitingPart { get; init; }
    /// <summary>Paged: the teacher whose timeline is shown; the other teachers come with their summary only.</summary>
    public string? ShownTeacher { get; init; }

    public bool CanEdit => Status == ScheduleRunStatus.Finished && !Published;

    /// <summary>Conversations with the group teacher or mentor asked for, and how many of them are not scheduled.</summary>
    public (int Asked, int Unplaced) Main { get; init; }

    /// <summary>Households that miss at least one conversation they asked for.</summary>
    public int FamiliesMissing { get; init; }
}

/// <summary>
/// One run for review: progress while it runs; afterwards the metrics, the unplaced requests with their
/// reasons, the waiting per family and each teacher's timeline; with <c>move</c>, the choices for moving one meeting.
/// </summary>
public sealed class GetRun(AppDbContext db, Access access, JobQueue jobs, IMemoryCache cache)
{
    public async Task<Result<RunReview>> HandleAsync(Guid runId, string? move, CancellationToken ct, RunListing? listing = null)
    {
        if (await RunAccess.ManageableAsync(db, access, runId, ct) is not var (run, round))
        {
            return Result<RunReview>.NotFound();
        }
        var labels = ScheduleLabels.FromJson(run.Labels);
        var (failureKey, failureDetail) = run.Failure is null ? (null, null)
            : run.Failure.StartsWith("Schedule.", StringComparison.Ordinal) ? (run.Failure, null) : ("Schedule.RunFailed", labels.Describe(run.Failure));
        var review = new RunReview(run.Id, round.Id, round.Name, run.Status, run.CreatedAt, run.StartedAt, run.FinishedAt, run.TimeBudgetSeconds,
            run.MaxConsecutive, await ProgressAsync(run, ct), failureKey, failureDetail, RunMetrics.FromJson(run.Metrics), [], [], [], null,
            run.PublishedAt is not null, run.Version, run.Moves);
        if (run.Solution is null)
        {
            // Still queued or running: the page refreshes every second and needs no instance yet.
            return review;
        }
        // A large evening's instance and schedule are megabytes of JSON: read them once per version of the run (a move
        // or a publication makes a new version), not on every page of the review.
        var read = cache.GetOrCreate(("run-review", run.Id, run.Version), entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromMinutes(10);
            return Read(run, labels);
        })!;
        review = review with
        {
            Unplaced = read.Unplaced, Waiting = read.Waiting, Teachers = read.Teachers, Main = read.Main, FamiliesMissing = read.FamiliesMissing,
            Move = move is not null && read.Index.TryGetValue(move, out var found)
                ? Choice(move, found.Request, read.Solution, read.Grid, read.Instance, labels) : null,
        };
        return listing is null ? review : Paged(review, listing);
    }

    /// <summary>A finished run read from its JSON: what every page of its review shows, before paging.</summary>
    private sealed record ReadRun(
        Instance Instance, Solution Solution, EveningGrid Grid, Dictionary<string, (Request Request, Family Family)> Index,
        List<UnplacedLine> Unplaced, List<FamilyWaiting> Waiting, List<TeacherTimeline> Teachers, (int Asked, int Unplaced) Main, int FamiliesMissing);

    private static ReadRun Read(ScheduleRun run, ScheduleLabels labels)
    {
        var instance = InstanceJson.Parse(run.Instance);
        var solution = SolutionJson.Parse(run.Solution!);
        var grid = EveningGrid.From(instance);
        var index = ScheduleRules.Index(instance);
        var meetings = solution.Assignments.Where(a => index.ContainsKey(a.Request))
            .Select(a => new PlacedMeeting(a, grid.StartUtc(a.Start), grid.EndUtc(a.Start, index[a.Request].Request.Length), index[a.Request].Family.Id))
            .OrderBy(m => m.Start).ToList();
        var unplaced = solution.Unplaced.Where(u => index.ContainsKey(u.Request))
            .Select(u => new UnplacedLine(u.Request, labels[u.Request], labels[index[u.Request].Family.Id],
                ScheduleRules.FamilyReason(instance, u.Request, u.Reason), labels.Describe(u.Reason)))
            .ToList();
        return new ReadRun(instance, solution, grid, index, unplaced, Waiting(meetings, grid, labels), Timelines(instance, meetings, grid, labels),
            (index.Values.Count(r => r.Request.Priority == ConversationRequest.MainPriority),
                solution.Unplaced.Count(u => index.TryGetValue(u.Request, out var r) && r.Request.Priority == ConversationRequest.MainPriority)),
            solution.Unplaced.Where(u => index.ContainsKey(u.Request)).Select(u => index[u.Request].Family.Id).Distinct().Count());
    }

    /// <summary>
    /// What a page shows of a large evening (a secondary school's has thousands of meetings): a page of each list
    /// and one teacher's timeline; the others' timelines are left out, so the page grows with the teachers, not the meetings.
    /// </summary>
    private static RunReview Paged(RunReview review, RunListing listing)
    {
        var shown = review.Teachers.FirstOrDefault(t => t.Id == listing.Teacher) ?? review.Teachers.FirstOrDefault();
        var (unplaced, waiting) = (ListPart.Of(review.Unplaced.Count, listing.UnplacedPage), ListPart.Of(review.Waiting.Count, listing.WaitingPage));
        return review with
        {
            Unplaced = unplaced.Take(review.Unplaced).ToList(), Waiting = waiting.Take(review.Waiting).ToList(),
            Teachers = review.Teachers.Select(t => t == shown ? t : t with { Items = [] }).ToList(),
            UnplacedPart = unplaced, WaitingPart = waiting, ShownTeacher = shown?.Id,
        };
    }

    /// <summary>The solver's latest progress while the run is queued or running, from whichever instance solves it.</summary>
    private async Task<SolverProgress?> ProgressAsync(ScheduleRun run, CancellationToken ct) =>
        run.Status is ScheduleRunStatus.Queued or ScheduleRunStatus.Running
            ? ScheduleRunJob.Progress((await jobs.GetAsync(ScheduleRunJob.Kind, run.Id, ct))?.Progress)
            : null;

    private sealed record PlacedMeeting(Assignment Assignment, DateTime Start, DateTime End, string Family);

    /// <summary>Per household and day: from its first conversation to the end of its last, less the conversations themselves.</summary>
    private static List<FamilyWaiting> Waiting(List<PlacedMeeting> meetings, EveningGrid grid, ScheduleLabels labels) =>
        meetings.GroupBy(m => m.Family).Select(f =>
        {
            var days = f.GroupBy(m => grid.DateOf(m.Assignment.Start)).ToList();
            var wait = days.Sum(d => (int)((d.Max(m => m.End) - d.Min(m => m.Start)).TotalMinutes - d.Sum(m => (m.End - m.Start).TotalMinutes)));
            return new FamilyWaiting(labels[f.Key], f.Count(), wait, days.Count);
        }).OrderByDescending(f => f.WaitingMinutes).ThenByDescending(f => f.Days).ThenBy(f => f.Name).ToList();

    /// <summary>Each teacher's conversations in time order, with the free time between two on the same day.</summary>
    private static List<TeacherTimeline> Timelines(Instance instance, List<PlacedMeeting> meetings, EveningGrid grid, ScheduleLabels labels)
    {
        var byTeacher = meetings.ToLookup(m => m.Assignment.Teacher);
        return instance.Teachers.Select(t =>
        {
            var own = byTeacher[t.Id].ToList();
            var items = new List<TimelineItem>();
            for (var i = 0; i < own.Count; i++)
            {
                if (i > 0 && own[i].Start > own[i - 1].End && grid.DateOf(own[i].Assignment.Start) == grid.DateOf(own[i - 1].Assignment.Start))
                {
                    items.Add(new TimelineItem(own[i - 1].End, own[i].Start, null, null));
                }
                items.Add(new TimelineItem(own[i].Start, own[i].End, own[i].Assignment.Request, $"{labels[own[i].Assignment.Request]} · {labels[own[i].Family]}"));
            }
            var idle = items.Where(x => x.RequestId is null).Sum(x => (int)(x.EndUtc - x.StartUtc).TotalMinutes);
            return new TeacherTimeline(t.Id, labels[t.Id], own.Count, idle, items);
        }).ToList();
    }

    private static MoveChoice Choice(string requestId, Request request, Solution solution, EveningGrid grid, Instance instance, ScheduleLabels labels)
    {
        var current = solution.Assignments.FirstOrDefault(a => a.Request == requestId);
        var teachers = instance.Teachers.Where(t => request.Teachers.Contains(t.Id)).ToList();
        var times = Enumerable.Range(0, grid.SlotCount)
            .Where(k => grid.Fits(k, request.Length) && teachers.Any(t => t.Available is null || t.Available.Contains(k)))
            .Select(k => new MoveTime(k, grid.StartUtc(k))).ToList();
        return new MoveChoice(requestId, labels[requestId], current?.Teacher, current?.Start, teachers.Select(t => new TeacherOption(t.Id, labels[t.Id])).ToList(), times);
    }
}
