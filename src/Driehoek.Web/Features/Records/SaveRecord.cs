using Driehoek.Web.Features.Bookings;

namespace Driehoek.Web.Features.Records;

public sealed record SaveRecordCommand(Guid BookingId, Guid? Version, IReadOnlyList<RecordEntry> Entries, string? SharedSummary, int? SupportLevel);

public sealed record RecordSaved(Guid RecordId, Guid Version);

/// <summary>
/// The teacher (or a school leader) writes the record once the conversation has started. Two people writing at
/// once: the second save is refused as "changed meanwhile", and the page shows both versions, so nothing is lost.
/// </summary>
public sealed class SaveRecord(AppDbContext db, Access access, TimeProvider clock)
{
    public async Task<Result<RecordSaved>> HandleAsync(SaveRecordCommand command, CancellationToken ct)
    {
        var target = await RecordAccess.FindAsync(db, access, command.BookingId, Act.Change, ct);
        if (target is null)
        {
            return Result<RecordSaved>.NotFound();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (target.Booking.StartsAt > now)
        {
            return Result<RecordSaved>.Invalid(new FieldError("", "Record.NotStarted"));
        }
        if (Problems(command) is { Length: > 0 } problems)
        {
            return Result<RecordSaved>.Invalid(problems);
        }
        var record = await db.ConversationRecords.FirstOrDefaultAsync(r => r.BookingId == command.BookingId, ct);
        if (record is not null && command.Version != record.Version)
        {
            return Result<RecordSaved>.Conflict(new FieldError("", "Record.ChangedMeanwhile"));
        }
        var author = await AuthorNameAsync(db, target.Booking.SchoolId, access.UserId, ct);
        if (record is null)
        {
            record = new ConversationRecord
            {
                SchoolId = target.Booking.SchoolId, BookingId = target.Booking.Id, StudentId = target.Booking.StudentId,
                Form = Agendas.FormOf(target.Round), Entries = "[]", UpdatedByName = author, CreatedAt = now,
            };
            db.ConversationRecords.Add(record);
        }
        record.Entries = Agendas.Write(command.Entries.Select(Clean));
        record.SharedSummary = Blank(command.SharedSummary);
        record.SupportLevel = record.Form == AgendaForm.Special ? command.SupportLevel : null;
        record.UpdatedAt = now;
        record.UpdatedBy = access.UserId!.Value;
        record.UpdatedByName = author;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone else saved first (the same version, or the first save of this record at the same moment).
            return Result<RecordSaved>.Conflict(new FieldError("", "Record.ChangedMeanwhile"));
        }
        return new RecordSaved(record.Id, record.Version);
    }

    /// <summary>The writer's name as staff of this school (empty for a board admin), kept with what they wrote.</summary>
    internal static async Task<string> AuthorNameAsync(AppDbContext db, Guid schoolId, Guid? userId, CancellationToken ct)
    {
        var member = await db.StaffMembers.AsNoTracking().Where(m => m.SchoolId == schoolId && m.UserId == userId)
            .Select(m => new { m.FirstName, m.LastNamePrefix, m.LastName }).FirstOrDefaultAsync(ct);
        return member is null ? "" : People.PersonName.Format(member.FirstName, member.LastNamePrefix, member.LastName);
    }

    private static FieldError[] Problems(SaveRecordCommand command)
    {
        var errors = new List<FieldError>();
        if (command.Entries.Count is 0 or > Limits.Items)
        {
            errors.Add(new FieldError("", "Record.Items", Limits.Items));
        }
        for (var i = 0; i < command.Entries.Count; i++)
        {
            var e = command.Entries[i];
            if (new[] { e.Text, e.Student, e.Parent, e.Teacher }.Any(TooLong))
            {
                errors.Add(new FieldError($"Entries[{i}]", "Record.TooLong", Limits.Text));
            }
            if (!Agendas.Valid(e.Key, e.Title))
            {
                errors.Add(new FieldError("", "Record.Items", Limits.Items));
            }
        }
        if (TooLong(command.SharedSummary))
        {
            errors.Add(new FieldError("SharedSummary", "Record.TooLong", Limits.Text));
        }
        if (command.SupportLevel is < 1 or > 3)
        {
            errors.Add(new FieldError("SupportLevel", "Record.SupportLevelInvalid"));
        }
        return [.. errors];
    }

    private static bool TooLong(string? text) => text?.Length > Limits.Text;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static RecordEntry Clean(RecordEntry e) => e.InTurns
        ? e with { Text = null, Student = Blank(e.Student), Parent = Blank(e.Parent), Teacher = Blank(e.Teacher), Title = Blank(e.Title), Key = Blank(e.Key) }
        : e with { Text = Blank(e.Text), Student = null, Parent = null, Teacher = null, Title = Blank(e.Title), Key = Blank(e.Key) };
}
