using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.Records;
using Driehoek.Web.Features.Rollover;
using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Infrastructure.Jobs;

namespace Driehoek.Web.Features.Handover;

/// <summary>
/// At rollover, and when an end round that carries the handover is published, every student of the closing year who has
/// no handover yet gets a draft (queued in the same transaction, compiled in the background), so the outgoing teacher
/// finds it ready to review rather than having to press "compile".
/// </summary>
public sealed class HandoverDrafts(JobQueue jobs) : IYearRolledOver, IRoundPublication
{
    public Task RolledOverAsync(YearRollover rollover, CancellationToken ct)
    {
        jobs.Enqueue(HandoverDraftJob.Kind, rollover.Id, rollover.FromYearId.ToString());
        return Task.CompletedTask;
    }

    public Task PublishedAsync(ConversationRound round, CancellationToken ct)
    {
        if (round.Handover && (round.Kind == RoundKind.End || Agendas.FormOf(round) == AgendaForm.End))
        {
            // The round's groups only: another group's teacher may not hold their end conversation yet.
            jobs.Enqueue(HandoverDraftJob.Kind, round.Id, $"{round.SchoolYearId}:{round.Id}");
        }
        return Task.CompletedTask;
    }
}

/// <summary>
/// Compiles the drafts: payload "yearId" (all the year's students) or "yearId:roundId" (those of the round's groups).
/// Runs again safely: a student with a handover of the year is skipped, and a draft made meanwhile wins.
/// </summary>
public sealed class HandoverDraftJob(AppDbContext db, CompileHandover compile) : IJobHandler
{
    public const string Kind = "handover-drafts";

    public async Task RunAsync(JobContext job, CancellationToken ct)
    {
        var parts = (job.Payload ?? "").Split(':');
        if (!Guid.TryParse(parts[0], out var yearId) || await db.SchoolYears.AsNoTracking().FirstOrDefaultAsync(y => y.Id == yearId, ct) is not { } year)
        {
            return;
        }
        var enrolled = db.Enrollments.AsNoTracking().Where(e => e.SchoolYearId == yearId);
        if (parts.Length > 1 && Guid.TryParse(parts[1], out var roundId))
        {
            var groups = db.RoundGroups.Where(g => g.RoundId == roundId).Select(g => g.GroupId);
            enrolled = enrolled.Where(e => groups.Contains(e.GroupId));
        }
        var students = await enrolled.Select(e => e.StudentId)
            .Where(s => !db.StudentHandovers.Any(h => h.StudentId == s && h.SchoolYearId == yearId)).Distinct().ToListAsync(ct);
        var made = 0;
        foreach (var student in students)
        {
            if (await compile.DraftAsync(student, year, ct))
            {
                made++;
            }
            job.ReportProgress(RoundInvitationJob.Progress(made, students.Count));
        }
    }
}
