using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Tests.Infrastructure;

/// <summary>
/// A published round that is open for booking at <see cref="TestClock.Start"/>: conversations on
/// 17–20 November 2026, booking from 3 until 15 November, changes until 24 hours before.
/// </summary>
public static class RoundBuilder
{
    public static readonly DateOnly FirstDay = new(2026, 11, 17);

    public static async Task<ConversationRound> OpenRoundAsync(this SchoolBuilder school, IEnumerable<Group> groups,
        Participants participants = Participants.Parents | Participants.GroupTeacherOrMentor, int length = 10, int maxSubjectTeachers = 0,
        RoundStatus status = RoundStatus.Published)
    {
        var round = new ConversationRound
        {
            SchoolId = school.Id, SchoolYearId = school.Year.Id, Kind = RoundKind.Progress, Name = $"Ronde {Guid.NewGuid():N}"[..14],
            Form = ConversationForm.TenMinute, LengthMinutes = length, FirstDay = FirstDay, LastDay = FirstDay.AddDays(3),
            Participants = participants, MaxSubjectTeachers = maxSubjectTeachers, Status = status,
            BookingOpensAt = new DateTime(2026, 11, 3, 7, 0, 0, DateTimeKind.Utc),
            BookingClosesAt = new DateTime(2026, 11, 15, 22, 0, 0, DateTimeKind.Utc),
            ChangeDeadlineHours = 24, CreatedAt = TestClock.Start.UtcDateTime,
        };
        await school.App.WithDbAsync(async db =>
        {
            db.Rounds.Add(round);
            db.RoundGroups.AddRange(groups.Select(g => new RoundGroup { SchoolId = school.Id, RoundId = round.Id, GroupId = g.Id }));
            await db.SaveChangesAsync();
        });
        return round;
    }

    /// <summary>Slots for a teacher on <paramref name="day"/> from <paramref name="from"/>, one after another.</summary>
    public static async Task<List<Slot>> SlotsAsync(this SchoolBuilder school, ConversationRound round, Person teacher, int count,
        TimeOnly? from = null, DateOnly? day = null, string? videoLink = null)
    {
        var date = day ?? FirstDay;
        var start = from ?? new TimeOnly(19, 0);
        var block = new AvailabilityBlock
        {
            SchoolId = school.Id, RoundId = round.Id, StaffMemberId = teacher.Id, Date = date, Start = start,
            End = start.AddMinutes(round.LengthMinutes * count), Room = "Lokaal 12", VideoLink = videoLink, CreatedAt = TestClock.Start.UtcDateTime,
        };
        var slots = Enumerable.Range(0, count).Select(i => new Slot
        {
            SchoolId = school.Id, RoundId = round.Id, StaffMemberId = teacher.Id, BlockId = block.Id,
            StartsAt = SchoolCalendar.ToUtc(date.ToDateTime(start.AddMinutes(i * round.LengthMinutes))),
            EndsAt = SchoolCalendar.ToUtc(date.ToDateTime(start.AddMinutes((i + 1) * round.LengthMinutes))),
            Room = block.Room, VideoLink = videoLink,
        }).ToList();
        await school.App.WithDbAsync(async db =>
        {
            db.AvailabilityBlocks.Add(block);
            db.Slots.AddRange(slots);
            await db.SaveChangesAsync();
        });
        return slots;
    }
}
