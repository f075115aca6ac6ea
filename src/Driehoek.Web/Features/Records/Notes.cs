using Driehoek.Web.Infrastructure.Audit;

namespace Driehoek.Web.Features.Records;

public sealed record NoteView(Guid Id, NoteVisibility Visibility, string Text, string AuthorName, DateTime CreatedAt, bool ForHandover = false);

public sealed record StudentNotesView(Guid StudentId, string StudentName, bool MayWriteCare, IReadOnlyList<NoteView> Notes);

public sealed record AddNoteCommand(Guid StudentId, NoteVisibility Visibility, string? Text, bool ForHandover = false);

/// <summary>
/// Notes on a student as staff read them. A care note is read by the care coordinator and the group's own teacher
/// or mentor only; every staff-only or care note shown is in the audit log, one entry per note.
/// </summary>
public sealed class GetStudentNotes(AppDbContext db, Access access, AuditLog audit)
{
    public async Task<Result<StudentNotesView>> HandleAsync(Guid studentId, CancellationToken ct)
    {
        var relations = await access.RelationsAsync(Target.Student(studentId), ct);
        if (!await access.MayAsync(Resource.StudentNotes, Act.View, Target.Student(studentId), ct))
        {
            return Result<StudentNotesView>.NotFound();
        }
        var student = await db.Students.AsNoTracking().SingleAsync(s => s.Id == studentId, ct);
        var care = NoteRules.ReadsCare(relations);
        var notes = await db.StudentNotes.AsNoTracking()
            .Where(n => n.StudentId == studentId && (care || n.Visibility != NoteVisibility.Care))
            .OrderByDescending(n => n.CreatedAt)
            .Select(n => new NoteView(n.Id, n.Visibility, n.Text, n.AuthorName, n.CreatedAt, n.ForHandover))
            .ToListAsync(ct);
        foreach (var note in notes.Where(n => n.Visibility != NoteVisibility.Family))
        {
            audit.Record("read", note.Visibility == NoteVisibility.Care ? "care-note" : "staff-note", note.Id, access.UserId, student.SchoolId);
        }
        await db.SaveChangesAsync(ct);
        return new StudentNotesView(studentId, student.FullName, care, notes);
    }
}

/// <summary>Staff who may write notes on the student add one; a care note only by those who read care notes.</summary>
public sealed class AddStudentNote(AppDbContext db, Access access, TimeProvider clock)
{
    public async Task<Result<Guid>> HandleAsync(AddNoteCommand command, CancellationToken ct)
    {
        var relations = await access.RelationsAsync(Target.Student(command.StudentId), ct);
        if (!await access.MayAsync(Resource.StudentNotes, Act.Change, Target.Student(command.StudentId), ct))
        {
            return Result<Guid>.NotFound();
        }
        if (string.IsNullOrWhiteSpace(command.Text))
        {
            return Result<Guid>.Invalid(new FieldError("Text", "Notes.TextRequired"));
        }
        if (command.Text.Length > Limits.Text)
        {
            return Result<Guid>.Invalid(new FieldError("Text", "Record.TooLong", Limits.Text));
        }
        if (!Enum.IsDefined(command.Visibility) || (command.Visibility == NoteVisibility.Care && !NoteRules.ReadsCare(relations)))
        {
            return Result<Guid>.Invalid(new FieldError("Visibility", "Notes.ChooseVisibility"));
        }
        var schoolId = await db.Students.AsNoTracking().Where(s => s.Id == command.StudentId).Select(s => s.SchoolId).SingleAsync(ct);
        var userId = access.UserId!.Value;
        var note = new StudentNote
        {
            SchoolId = schoolId, StudentId = command.StudentId, Visibility = command.Visibility, Text = command.Text.Trim(), AuthorUserId = userId,
            AuthorName = await SaveRecord.AuthorNameAsync(db, schoolId, userId, ct),
            CreatedAt = clock.GetUtcNow().UtcDateTime, ForHandover = command.ForHandover,
        };
        db.StudentNotes.Add(note);
        await db.SaveChangesAsync(ct);
        return note.Id;
    }
}

public static class NoteRules
{
    /// <summary>Care notes: the care coordinator and the group's own teacher or mentor (need to know; not the leaders).</summary>
    public static bool ReadsCare(IReadOnlySet<Relation> relations) =>
        relations.Contains(Relation.CareCoordinator) || relations.Contains(Relation.GroupTeacher) || relations.Contains(Relation.Mentor);
}
