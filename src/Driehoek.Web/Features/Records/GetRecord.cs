using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Infrastructure.Audit;

namespace Driehoek.Web.Features.Records;

public sealed record RecordView(
    Guid BookingId, Guid StudentId, string StudentName, string Teacher, string RoundName, DateTime StartsAt, DateTime EndsAt,
    AgendaForm Form, bool Started, bool CanChange, bool Exists, IReadOnlyList<RecordEntry> Entries, string? SharedSummary, int? SupportLevel,
    Guid? Version, DateTime? UpdatedAt, string? UpdatedByName, StaffPreparationView? Preparation, bool MayReadNotes);

/// <summary>
/// The record page of one conversation: the record so far (or the school's agenda for its form, empty), and what
/// the parents and the student prepared where the reader may see that. Every read is in the audit log.
/// </summary>
public sealed class GetRecord(AppDbContext db, Access access, TimeProvider clock, AuditLog audit, GetStaffPreparation preparation)
{
    public async Task<Result<RecordView>> HandleAsync(Guid bookingId, CancellationToken ct)
    {
        var target = await RecordAccess.FindAsync(db, access, bookingId, Act.View, ct);
        if (target is null)
        {
            return Result<RecordView>.NotFound();
        }
        var (booking, round, relations) = target;
        var student = await db.Students.AsNoTracking().Where(s => s.Id == booking.StudentId).Select(s => new { s.FirstName, s.LastNamePrefix, s.LastName })
            .SingleAsync(ct);
        var teacher = await db.StaffMembers.AsNoTracking().Where(m => m.Id == booking.StaffMemberId)
            .Select(m => new { m.FirstName, m.LastNamePrefix, m.LastName }).SingleAsync(ct);
        var record = await db.ConversationRecords.AsNoTracking().FirstOrDefaultAsync(r => r.BookingId == bookingId, ct);
        var form = record?.Form ?? Agendas.FormOf(round);
        var entries = record is not null
            ? Agendas.Parse<RecordEntry>(record.Entries)
            : (await Agendas.ForSchoolAsync(db, booking.SchoolId, form, ct)).Items
                .Select(i => new RecordEntry(i.Key, i.Title, i.InTurns, null, null, null, null)).ToList();
        var prepared = await preparation.HandleAsync(booking.RoundId, booking.StudentId, ct);

        await audit.RecordReadAsync("conversation-record", bookingId, access.UserId, booking.SchoolId, ct);
        return new RecordView(booking.Id, booking.StudentId, People.PersonName.Format(student.FirstName, student.LastNamePrefix, student.LastName),
            People.PersonName.Format(teacher.FirstName, teacher.LastNamePrefix, teacher.LastName), round.Name, booking.StartsAt, booking.EndsAt,
            form, booking.StartsAt <= clock.GetUtcNow().UtcDateTime, AccessMatrix.Allows(Resource.ConversationRecord, Act.Change, relations),
            record is not null, entries, record?.SharedSummary, record?.SupportLevel, record?.Version, record?.UpdatedAt, record?.UpdatedByName,
            prepared.Ok ? prepared.Value : null, await access.MayAsync(Resource.StudentNotes, Act.View, Target.Student(booking.StudentId), ct));
    }
}
