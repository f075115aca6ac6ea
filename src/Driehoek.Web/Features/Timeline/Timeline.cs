using Driehoek.Web.Features.Agreements;
using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Conversations;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Records;

namespace Driehoek.Web.Features.Timeline;

/// <summary>What a timeline item is; also the filter a reader picks.</summary>
public enum TimelineKind
{
    /// <summary>A booked conversation of a round, with its status and outcome.</summary>
    Conversation = 1,
    /// <summary>A conversation planned outside the rounds.</summary>
    Planned = 2,
    Agreement = 3,
    Note = 4,
    /// <summary>A handover to next year's teacher (Features/Handover).</summary>
    Handover = 5,
}

/// <param name="Status">The key of its status in <see cref="TimelineText"/> (<c>Status.Held</c>, …).</param>
/// <param name="Visibility">A note's visibility; shown to staff only (a family only ever gets shared notes).</param>
/// <param name="Summary">The summary of a conversation shared with the family, where the reader gets it.</param>
/// <param name="Link">Where the item itself is read (a handover's own page).</param>
public sealed record TimelineItem(
    TimelineKind Kind, DateTime At, string Title, string? Text, string Status, string? Person,
    NoteVisibility? Visibility = null, string? Summary = null, DateOnly? CheckOn = null, Guid? BookingId = null, bool StudentPresent = false,
    string? Link = null);

/// <param name="StartYear">The calendar year in which the school year begins (1 August).</param>
public sealed record TimelineYear(int StartYear, IReadOnlyList<TimelineItem> Items)
{
    public string Name => $"{StartYear}–{StartYear + 1}";
}

/// <param name="Kinds">The kinds this reader may see at all: the filter offers these.</param>
public sealed record TimelineView(Guid StudentId, string StudentName, TimelineKind? Kind, IReadOnlyList<TimelineKind> Kinds, IReadOnlyList<TimelineYear> Years)
{
    public int Count => Years.Sum(y => y.Items.Count);
}

/// <summary>The set-based reads both timelines share, and the grouping by school year (August to July).</summary>
public static class TimelineParts
{
    /// <summary>At most this many items of one kind: a student's whole school career fits many times over.</summary>
    private const int MaxPerKind = 500;

    public static bool Wants(TimelineKind? filter, TimelineKind kind) => filter is null || filter == kind;

    /// <summary>The school year of a moment: one that falls before August belongs to the year that began the August before.</summary>
    public static int SchoolYearOf(DateTime utc)
    {
        var local = SchoolCalendar.ToLocal(utc);
        return local.Month >= 8 ? local.Year : local.Year - 1;
    }

    public static IReadOnlyList<TimelineYear> ByYear(IEnumerable<TimelineItem> items) =>
        items.OrderByDescending(i => i.At).GroupBy(i => SchoolYearOf(i.At))
            .OrderByDescending(g => g.Key).Select(g => new TimelineYear(g.Key, g.ToList())).ToList();

    /// <summary>Round conversations: round, teacher, when and how it went; never the family's topics.</summary>
    public static async Task<List<TimelineItem>> BookingsAsync(AppDbContext db, IQueryable<Booking> which, CancellationToken ct)
    {
        var rows = await (from b in which.AsNoTracking()
                          join r in db.Rounds on b.RoundId equals r.Id
                          join m in db.StaffMembers on b.StaffMemberId equals m.Id
                          orderby b.StartsAt descending
                          select new { b.Id, b.StartsAt, b.Status, b.StudentPresent, Round = r.Name, m.FirstName, m.LastNamePrefix, m.LastName })
            .Take(MaxPerKind).ToListAsync(ct);
        return rows.Select(b => new TimelineItem(TimelineKind.Conversation, b.StartsAt, b.Round, null,
            "Status." + b.Status, PersonName.Format(b.FirstName, b.LastNamePrefix, b.LastName), BookingId: b.Id,
            StudentPresent: b is { Status: BookingStatus.Held, StudentPresent: true })).ToList();
    }

    /// <summary>Conversations outside the rounds: the purpose the family reads and where it stands; never the staff-only note.</summary>
    public static IEnumerable<TimelineItem> Planned(IEnumerable<ConversationView> conversations) =>
        conversations.Select(c => new TimelineItem(TimelineKind.Planned, c.Chosen?.StartsAt ?? c.CreatedAt, c.Purpose, null,
            "Planned." + c.Status, string.Join(", ", c.People.Select(p => p.Name))));

    /// <summary>Handovers: the year handed over and where it stands, with the way to it; never their content.</summary>
    public static IEnumerable<TimelineItem> Handovers(IEnumerable<Handover.HandoverEntry> handovers, Func<Handover.HandoverEntry, string> link) =>
        handovers.Select(h => new TimelineItem(TimelineKind.Handover, h.At, "", h.YearName,
            h.Status == Handover.HandoverStatus.Draft ? "Handover.Draft" : h.Read ? "Handover.Read" : "Handover.Released", h.By, Link: link(h)));

    public static IEnumerable<TimelineItem> Agreements(IEnumerable<AgreementView> agreements) =>
        agreements.Take(MaxPerKind).Select(a => new TimelineItem(TimelineKind.Agreement, a.CreatedAt, a.What, a.How,
            "Agreement." + a.Status, a.OwnerName, CheckOn: a.Status == AgreementStatus.Open ? a.CheckOn : null));
}
