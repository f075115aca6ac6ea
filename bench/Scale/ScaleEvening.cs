using System.Diagnostics;
using Driehoek.Bench;
using Driehoek.Web.Data;
using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.ParentEvenings;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Rounds;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Driehoek.Scale;

/// <summary>
/// A school's parent evening in request mode, scheduled by the app: every group teacher sits two evenings
/// (17:00–21:00, ten-minute times), every household of the school asks for its child's group teacher and can
/// come to both, and the leader starts the scheduler on the schedule page. Its review page is what is timed.
/// </summary>
public static class ScaleEvening
{
    public static async Task BuildAsync(BenchApp app, BenchBrowser leader, ScaleSchool school)
    {
        var roundId = await RequestsAsync(app, school);
        await leader.PostFormAsync($"/rounds/{roundId}/schedule?handler=Run", [], pageWithForm: $"/rounds/{roundId}/schedule");
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromMinutes(5))
        {
            var run = await app.WithDbAsync(db => db.ScheduleRuns.AsNoTracking().Where(r => r.RoundId == roundId)
                .Select(r => new { r.Id, r.Status, r.Failure }).FirstOrDefaultAsync());
            if (run is { Status: ScheduleRunStatus.Finished })
            {
                school.EveningRoundId = roundId;
                school.EveningRunId = run.Id;
                school.Schedule = watch.Elapsed;
                return;
            }
            if (run is { Status: ScheduleRunStatus.Failed or ScheduleRunStatus.Cancelled })
            {
                throw new InvalidOperationException($"The scheduler run of school {school.Number} ended {run.Status}: {run.Failure}");
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"School {school.Number}: no finished scheduler run after 5 minutes (was the run refused on the schedule page?)");
    }

    private static async Task<Guid> RequestsAsync(BenchApp app, ScaleSchool school)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var leaderUser = await db.Users.AsNoTracking().Where(u => u.Email == school.LeaderEmail).Select(u => u.Id).SingleAsync();
        var year = await db.SchoolYears.AsNoTracking().Where(y => y.SchoolId == school.Id).OrderByDescending(y => y.StartsOn).FirstAsync();
        var teachers = await db.StaffAssignments.AsNoTracking()
            .Where(a => a.SchoolId == school.Id && a.Role == StaffRole.GroupTeacher && a.GroupId != null)
            .Select(a => new { GroupId = a.GroupId!.Value, a.StaffMemberId }).ToListAsync();
        var now = DateTime.UtcNow;
        var firstDay = DateOnly.FromDateTime(SchoolCalendar.ToLocal(now)).AddDays(21);
        var round = new ConversationRound
        {
            SchoolId = school.Id, SchoolYearId = year.Id, Kind = RoundKind.Progress, Name = "Ouderavond", Form = ConversationForm.TenMinute,
            LengthMinutes = 10, FirstDay = firstDay, LastDay = firstDay.AddDays(1), Participants = Participants.Parents | Participants.GroupTeacherOrMentor,
            Mode = RoundMode.Requests, Status = RoundStatus.Published, PublishedAt = now, BookingOpensAt = now.AddDays(-7), BookingClosesAt = now.AddDays(-1),
            ChangeDeadlineHours = 24, CreatedAt = now, Version = Guid.NewGuid(),
        };
        db.Rounds.Add(round);
        db.RoundGroups.AddRange(teachers.Select(t => new RoundGroup { SchoolId = school.Id, RoundId = round.Id, GroupId = t.GroupId }));
        var sessions = new[] { firstDay, firstDay.AddDays(1) }.Select(day => new RoundSession
        {
            SchoolId = school.Id, RoundId = round.Id, Date = day, Start = new TimeOnly(17, 0), End = new TimeOnly(21, 0), CreatedAt = now,
        }).ToList();
        db.RoundSessions.AddRange(sessions);
        foreach (var teacher in teachers)
        {
            foreach (var session in sessions)
            {
                var block = new AvailabilityBlock
                {
                    SchoolId = school.Id, RoundId = round.Id, StaffMemberId = teacher.StaffMemberId, Date = session.Date, Start = session.Start,
                    End = session.End, Room = "Lokaal", CreatedAt = now, CreatedBy = leaderUser,
                };
                db.AvailabilityBlocks.Add(block);
                for (var at = session.Start; at < session.End; at = at.AddMinutes(10))
                {
                    db.Slots.Add(new Slot
                    {
                        SchoolId = school.Id, RoundId = round.Id, StaffMemberId = teacher.StaffMemberId, BlockId = block.Id, Room = block.Room,
                        StartsAt = SchoolCalendar.ToUtc(session.Date.ToDateTime(at)), EndsAt = SchoolCalendar.ToUtc(session.Date.ToDateTime(at.AddMinutes(10))),
                    });
                }
            }
        }
        var families = await db.Enrollments.AsNoTracking().Where(e => e.SchoolId == school.Id && e.SchoolYearId == year.Id)
            .Join(db.Guardianships, e => e.StudentId, x => x.StudentId, (e, x) => new { e.StudentId, x.GuardianId })
            .Join(db.Guardians, x => x.GuardianId, g => g.Id, (x, g) => new { x.StudentId, GuardianId = g.Id, g.HouseholdId })
            .Where(f => f.HouseholdId != null)
            .ToListAsync();
        foreach (var family in families.DistinctBy(f => (f.StudentId, f.HouseholdId)))
        {
            db.ConversationRequests.Add(new ConversationRequest
            {
                SchoolId = school.Id, RoundId = round.Id, StudentId = family.StudentId, HouseholdId = family.HouseholdId!.Value, GuardianId = family.GuardianId,
                UserId = leaderUser, Kind = RequestKind.GroupTeacherOrMentor,
                Key = ConversationRequest.KeyFor(round.Id, family.StudentId, family.HouseholdId.Value, null), CreatedAt = now, UpdatedAt = now,
                Version = Guid.NewGuid(),
            });
        }
        foreach (var household in families.Select(f => f.HouseholdId!.Value).Distinct())
        {
            db.FamilySessions.AddRange(sessions.Select(s => new FamilySession { SchoolId = school.Id, RoundId = round.Id, HouseholdId = household, SessionId = s.Id }));
        }
        await db.SaveChangesAsync();
        return round.Id;
    }
}
