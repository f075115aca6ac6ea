using Driehoek.Web.Features.Organisation;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Rounds;

/// <summary>
/// The facts of a round as an invitation words them (days, booking window), in the current culture:
/// the mail, the letter and the page say them the same way.
/// </summary>
public static class InvitationWording
{
    public static string Days(IStringLocalizer text, ConversationRound round) =>
        round.FirstDay == round.LastDay
            ? round.FirstDay.ToString("dddd d MMMM yyyy")
            : text["Invitation.DaysRange", round.FirstDay.ToString("dddd d MMMM"), round.LastDay.ToString("dddd d MMMM yyyy")];

    public static string Opens(ConversationRound round) => SchoolCalendar.ToLocal(round.BookingOpensAt).ToString("dddd d MMMM HH:mm");

    public static string Closes(ConversationRound round) => SchoolCalendar.ToLocal(round.BookingClosesAt).ToString("dddd d MMMM HH:mm");

    public static string Bullets(IEnumerable<string> lines) => string.Join("\n", lines.Select(l => "- " + l));

    public static string InvitationPath(Guid roundId, Guid studentId) => $"/rounds/{roundId}/invitation?student={studentId}";

    public static string PreparePath(Guid roundId, Guid studentId) => $"/rounds/{roundId}/prepare?student={studentId}";

    public static string BookPath(Guid roundId) => $"/rounds/{roundId}/book";
}
