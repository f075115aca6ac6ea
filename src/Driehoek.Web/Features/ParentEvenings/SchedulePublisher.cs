using Driehoek.Scheduling.Model;
using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Rounds;

namespace Driehoek.Web.Features.ParentEvenings;

/// <summary>
/// Turns scheduled meetings into bookings (with their time claims and calendar e-mails) and tells
/// families what could not be placed. Adds to the caller's unit of work; the caller saves once.
/// </summary>
public sealed class SchedulePublisher(AppDbContext db, TimeProvider clock, BookingNotices notices, EveningNotices evening)
{
    /// <param name="scope">The requests to act on: all of them at publication, only the new ones for a late request.</param>
    public async Task<FieldError?> ApplyAsync(ConversationRound round, Instance instance, Solution solution, IReadOnlySet<string> scope,
        ScheduleLabels labels, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var grid = EveningGrid.From(instance);
        var index = ScheduleRules.Index(instance);
        var ids = scope.Select(ScheduleLabels.ParseId).OfType<Guid>().ToList();
        var requests = (await db.ConversationRequests.Where(r => ids.Contains(r.Id)).ToListAsync(ct))
            .ToDictionary(r => ScheduleLabels.Id(r.Id));
        var slots = (await db.Slots.AsNoTracking().Where(s => s.RoundId == round.Id).ToListAsync(ct))
            .ToDictionary(s => (ScheduleLabels.Id(s.StaffMemberId), s.StartsAt));
        var booked = new List<Booking>();
        foreach (var a in solution.Assignments.Where(a => scope.Contains(a.Request)))
        {
            if (!requests.TryGetValue(a.Request, out var request) || !slots.TryGetValue((a.Teacher, grid.StartUtc(a.Start)), out var slot))
            {
                return new FieldError("", "Publish.SlotGone", labels[a.Request]);
            }
            var mode = request.Mode == MeetingMode.Video && (slot.VideoLink is not null || round.Form == ConversationForm.Digital)
                ? MeetingMode.Video : MeetingMode.OnSite;
            var booking = NewBooking.Add(db, round, slot, new BookingParty(request.StudentId, request.HouseholdId, request.GuardianId, request.UserId),
                new BookingDetails(request.Topics, request.TopicAreas, request.InterpreterLanguage, mode),
                grid.StartUtc(a.Start), grid.EndUtc(a.Start, index[a.Request].Request.Length), now);
            request.BookingId = booking.Id;
            request.Outcome = RequestOutcome.Scheduled;
            request.UnplacedReason = null;
            request.UpdatedAt = now;
            booked.Add(booking);
        }
        await notices.SendAsync(booked, BookingNotices.Kind.Confirmed, ct);
        var unplaced = solution.Unplaced.Where(u => scope.Contains(u.Request) && requests.ContainsKey(u.Request)).ToList();
        foreach (var u in unplaced)
        {
            var request = requests[u.Request];
            request.Outcome = RequestOutcome.Unplaced;
            request.UnplacedReason = ScheduleRules.FamilyReason(instance, u.Request, u.Reason);
            request.UpdatedAt = now;
        }
        await evening.UnplacedAsync(round, unplaced.Select(u => requests[u.Request]).ToList(), ct);
        return null;
    }
}
