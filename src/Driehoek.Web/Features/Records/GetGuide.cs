using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Rounds;

namespace Driehoek.Web.Features.Records;

/// <param name="WithoutStudent">the student reads it, and the conversation is held without them: no guide, only that</param>
public sealed record GuideView(Guid BookingId, string StudentFirstName, string Teacher, DateTime StartsAt, bool ThreeWay, string PreparePath,
    bool WithoutStudent = false);

/// <summary>
/// The student's guide to their own three-way conversation: the steps they lead, in their language. The student and
/// the parents of the booking's household read it; nobody else's.
/// </summary>
public sealed class GetGuide(AppDbContext db, Access access)
{
    /// <summary>The student's steps through the round-robin, in order (resource keys Guide.Step{n}.Title and .Text).</summary>
    public const int Steps = 6;

    public async Task<Result<GuideView>> HandleAsync(Guid bookingId, CancellationToken ct)
    {
        var booking = await db.Bookings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bookingId && b.Status != BookingStatus.Cancelled, ct);
        if (booking is null
            || !await access.PermitsAsync(Resource.ConversationGuide, Act.View, await BookingOwner.RelationsAsync(db, access, booking, ct), booking.SchoolId, ct))
        {
            return Result<GuideView>.NotFound();
        }
        var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == booking.RoundId, ct);
        var student = await db.Students.AsNoTracking().Where(s => s.Id == booking.StudentId).Select(s => s.FirstName).SingleAsync(ct);
        var teacher = await db.StaffMembers.AsNoTracking().Where(m => m.Id == booking.StaffMemberId)
            .Select(m => new { m.FirstName, m.LastNamePrefix, m.LastName }).SingleAsync(ct);
        var withoutStudent = (await access.ProfileAsync(ct)).OwnStudentIds.Contains(booking.StudentId)
            && await TakingPart.StudentTakesPart.OfAsync(db, round.Id, booking.StudentId, ct) is { TakesPart: false };
        return new GuideView(booking.Id, student, PersonName.Format(teacher.FirstName, teacher.LastNamePrefix, teacher.LastName), booking.StartsAt,
            Agendas.FormOf(round) == AgendaForm.ThreeWay, InvitationWording.PreparePath(round.Id, booking.StudentId), withoutStudent);
    }
}
