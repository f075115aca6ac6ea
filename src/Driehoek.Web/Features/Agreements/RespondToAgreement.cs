namespace Driehoek.Web.Features.Agreements;

/// <param name="Confirm">true to confirm the agreement; false to leave only a reaction</param>
public sealed record RespondToAgreementCommand(Guid StudentId, Guid AgreementId, bool Confirm, string? Reaction);

/// <summary>
/// A parent confirms an agreement about their child or reacts to it in a few words; the student does so for the
/// agreements they own, where the school shows agreements to students. Each person has one answer per agreement:
/// a second one updates it. Only open agreements take answers.
/// </summary>
public sealed class RespondToAgreement(AppDbContext db, AgreementAccess agreements, Access access, TimeProvider clock)
{
    public async Task<Result<Guid>> HandleAsync(RespondToAgreementCommand command, CancellationToken ct)
    {
        var family = await agreements.ForFamilyAsync(command.StudentId, Act.Change, ct);
        if (family is null)
        {
            return Result<Guid>.NotFound();
        }
        if (!family.SeesAgreements)
        {
            return Result<Guid>.Invalid(new FieldError("", "Family.StudentsDoNotSee"));
        }
        var agreement = await db.Agreements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == command.AgreementId && a.StudentId == command.StudentId, ct);
        if (agreement is null)
        {
            return Result<Guid>.Invalid(new FieldError("", "Family.Gone"));
        }
        if (agreement.Status != AgreementStatus.Open)
        {
            return Result<Guid>.Invalid(new FieldError("", "Family.NotOpen"));
        }
        if (family.IsStudent && agreement.Owner != AgreementOwner.Student)
        {
            return Result<Guid>.Invalid(new FieldError("", "Family.StudentAnswersOwn"));
        }
        var errors = new List<FieldError>();
        var reaction = AgreementFields.Clean(command.Reaction, "", errors, AgreementRules.MaxReactionLength);
        if (errors.Count > 0)
        {
            return Result<Guid>.Invalid([.. errors]);
        }
        if (!command.Confirm && reaction is null)
        {
            return Result<Guid>.Invalid(new FieldError("", "Family.ReactionRequired"));
        }
        var userId = access.UserId!.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var response = await db.AgreementResponses.FirstOrDefaultAsync(r => r.AgreementId == agreement.Id && r.UserId == userId, ct);
        if (response is null)
        {
            response = new AgreementResponse
            {
                SchoolId = agreement.SchoolId, AgreementId = agreement.Id, UserId = userId, ByStudent = family.IsStudent,
                Name = await AgreementNames.OfUserAsync(db, userId, ct),
            };
            db.AgreementResponses.Add(response);
        }
        if (command.Confirm)
        {
            response.ConfirmedAt ??= now;
        }
        if (reaction is not null)
        {
            response.Reaction = reaction;
            response.ReactedAt = now;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // The same person answered in another tab a moment ago.
            return Result<Guid>.Conflict(new FieldError("", "Family.AnsweredMeanwhile"));
        }
        return agreement.Id;
    }
}
