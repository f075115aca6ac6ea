using System.Globalization;
using Driehoek.Web.Infrastructure.Data;
using Driehoek.Web.Infrastructure.Jobs;

namespace Driehoek.Web.Features.Rounds;

/// <summary>How far the invitations of a published round are: households invited of those to invite.</summary>
public sealed record RoundPublishing(JobState State, int Done, int Total)
{
    public bool Busy => State is JobState.Queued or JobState.Running;
}

/// <summary>
/// Sends a published round's invitations in the background, in chunks (<see cref="RoundInvitationSender.SendMissingInChunksAsync"/>):
/// each chunk's invitation rows and e-mails commit together, and the unique index on (round, student,
/// household) keeps a claim after a dead instance, or a leader's "send missing", from inviting anyone twice.
/// </summary>
public sealed class RoundInvitationJob(AppDbContext db, RoundInvitationSender sender, IConfiguration config) : IJobHandler
{
    public const string Kind = "round-invitations";

    public async Task RunAsync(JobContext job, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == job.SubjectId, ct);
        // Cancelled before its invitations went out: nobody is invited to it any more.
        if (round is null || round.Status != RoundStatus.Published)
        {
            return;
        }
        await sender.SendMissingInChunksAsync(round, config.GetValue("Rounds:InvitationChunk", 250),
            (done, total) => job.ReportProgress(Progress(done, total)), ct);
        // Thousands of invitation rows (and their outbox messages) just arrived: the round's pages are planned for them.
        await PlannerStatistics.RefreshAsync(db, [typeof(RoundInvitation)], ct);
    }

    public static string Progress(int done, int total) => string.Create(CultureInfo.InvariantCulture, $"{done}/{total}");

    public static async Task<RoundPublishing?> StatusAsync(JobQueue jobs, Guid roundId, CancellationToken ct)
    {
        if (await jobs.GetAsync(Kind, roundId, ct) is not { } job)
        {
            return null;
        }
        var parts = (job.Progress ?? "").Split('/');
        return parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var done) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var total)
            ? new RoundPublishing(job.State, done, total)
            : new RoundPublishing(job.State, 0, 0);
    }
}
