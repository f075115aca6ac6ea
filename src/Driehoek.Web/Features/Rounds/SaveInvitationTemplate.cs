using Driehoek.Web.Infrastructure.Audit;
using Driehoek.Web.Infrastructure.Localization;

namespace Driehoek.Web.Features.Rounds;

public sealed record TemplateInput(string? Purpose, string? ParentQuestions, string? StudentQuestions, string? TeacherQuestions);

/// <summary><paramref name="Version"/> is null when the form showed the standard text (no row yet).</summary>
public sealed record SaveInvitationTemplateCommand(Guid SchoolId, ConversationForm Form, string Language, Guid? Version, TemplateInput Input);

public sealed record ResetInvitationTemplateCommand(Guid SchoolId, ConversationForm Form, string Language, Guid? Version);

/// <summary>A school leader words an invitation for one form and language, or goes back to the standard text.</summary>
public sealed class SaveInvitationTemplate(AppDbContext db, Access access, TimeProvider clock, AuditLog audit)
{
    public async Task<Result<Guid>> HandleAsync(SaveInvitationTemplateCommand command, CancellationToken ct)
    {
        if (!Enum.IsDefined(command.Form) || !Cultures.IsSupported(command.Language) || !await access.MayAsync(Resource.InvitationTexts, Act.Change, Target.School(command.SchoolId), ct))
        {
            return Result<Guid>.NotFound();
        }
        var errors = Validate(command.Input).ToArray();
        if (errors.Length > 0)
        {
            return Result<Guid>.Invalid(errors);
        }
        var row = await db.InvitationTemplates
            .FirstOrDefaultAsync(t => t.SchoolId == command.SchoolId && t.Form == command.Form && t.Language == command.Language, ct);
        if (row?.Version != command.Version)
        {
            return Result<Guid>.Conflict(new FieldError("", "Template.ChangedByOther"));
        }
        if (row is null)
        {
            row = new InvitationTemplate
            {
                SchoolId = command.SchoolId, Form = command.Form, Language = command.Language,
                Purpose = "", ParentQuestions = "", StudentQuestions = "", TeacherQuestions = "",
            };
            db.InvitationTemplates.Add(row);
        }
        var input = command.Input;
        row.Purpose = input.Purpose!.Trim();
        row.ParentQuestions = InvitationTexts.Joined(InvitationTexts.Lines(input.ParentQuestions));
        row.StudentQuestions = InvitationTexts.Joined(InvitationTexts.Lines(input.StudentQuestions));
        row.TeacherQuestions = InvitationTexts.Joined(InvitationTexts.Lines(input.TeacherQuestions));
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        row.UpdatedBy = access.UserId!.Value;
        audit.Record("invitation-template.saved", "invitation-template", row.Id, access.UserId, command.SchoolId);
        return await SaveAsync(row.Id, ct);
    }

    public async Task<Result<Guid>> ResetAsync(ResetInvitationTemplateCommand command, CancellationToken ct)
    {
        if (!await access.MayAsync(Resource.InvitationTexts, Act.Change, Target.School(command.SchoolId), ct))
        {
            return Result<Guid>.NotFound();
        }
        var row = await db.InvitationTemplates
            .FirstOrDefaultAsync(t => t.SchoolId == command.SchoolId && t.Form == command.Form && t.Language == command.Language, ct);
        if (row is null)
        {
            return command.SchoolId;
        }
        if (row.Version != command.Version)
        {
            return Result<Guid>.Conflict(new FieldError("", "Template.ChangedByOther"));
        }
        db.InvitationTemplates.Remove(row);
        audit.Record("invitation-template.reset", "invitation-template", row.Id, access.UserId, command.SchoolId);
        return await SaveAsync(row.Id, ct);
    }

    private async Task<Result<Guid>> SaveAsync(Guid id, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<Guid>.Conflict(new FieldError("", "Template.ChangedByOther"));
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // Two leaders saved the standard text for the same form and language at once.
            return Result<Guid>.Conflict(new FieldError("", "Template.ChangedByOther"));
        }
        return id;
    }

    private static IEnumerable<FieldError> Validate(TemplateInput input)
    {
        if (string.IsNullOrWhiteSpace(input.Purpose))
        {
            yield return new FieldError("Purpose", "Template.PurposeRequired");
        }
        else if (input.Purpose.Trim().Length > InvitationTexts.MaxTextLength)
        {
            yield return new FieldError("Purpose", "Template.TooLong", InvitationTexts.MaxTextLength);
        }
        foreach (var (field, text) in new[]
                 {
                     ("ParentQuestions", input.ParentQuestions), ("StudentQuestions", input.StudentQuestions), ("TeacherQuestions", input.TeacherQuestions),
                 })
        {
            var lines = InvitationTexts.Lines(text);
            if (lines.Count == 0)
            {
                yield return new FieldError(field, "Template.QuestionsRequired");
            }
            else if (lines.Count > InvitationTexts.MaxQuestions)
            {
                yield return new FieldError(field, "Template.TooManyQuestions", InvitationTexts.MaxQuestions);
            }
            else if (InvitationTexts.Joined(lines).Length > InvitationTexts.MaxTextLength)
            {
                yield return new FieldError(field, "Template.TooLong", InvitationTexts.MaxTextLength);
            }
        }
    }
}
