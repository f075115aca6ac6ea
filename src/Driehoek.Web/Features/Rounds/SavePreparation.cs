namespace Driehoek.Web.Features.Rounds;

/// <summary>
/// Answers to the preparation questions, in question order. <paramref name="AsStaff"/> saves the
/// teacher's own preparation; otherwise the parent's (their household's) or the student's.
/// <paramref name="Version"/> is what the form showed (null for a first answer), so two parents of one
/// household editing at once do not overwrite each other.
/// </summary>
public sealed record SavePreparationCommand(Guid RoundId, Guid StudentId, bool AsStaff, IReadOnlyList<string?> Answers, Guid? Version);

public sealed class SavePreparation(AppDbContext db, Access access, TimeProvider clock)
{
    public async Task<Result<Guid>> HandleAsync(SavePreparationCommand command, CancellationToken ct)
    {
        var target = await TargetAsync(command, ct);
        if (target is null)
        {
            return Result<Guid>.NotFound();
        }
        var (round, key, party, household, staff) = target.Value;
        if (round.Status == RoundStatus.Cancelled)
        {
            return Result<Guid>.Invalid(new FieldError("", "Prepare.RoundCancelled"));
        }
        if (party == PreparationParty.Student && await TakingPart.StudentTakesPart.OfAsync(db, round.Id, command.StudentId, ct) is { TakesPart: false })
        {
            return Result<Guid>.Invalid(new FieldError("", "Prepare.NotExpected"));
        }
        var answers = command.Answers.Take(InvitationTexts.MaxQuestions).Select(PreparationAnswers.Clean).ToList();
        if (command.Answers.Any(a => PreparationAnswers.Clean(a).Length > PreparationAnswers.MaxLength))
        {
            return Result<Guid>.Invalid(new FieldError("", "Prepare.TooLong", PreparationAnswers.MaxLength));
        }
        var row = await db.Preparations.FirstOrDefaultAsync(p => p.Key == key, ct);
        if (row?.Version != command.Version)
        {
            return Result<Guid>.Conflict(new FieldError("", "Prepare.ChangedByOther"));
        }
        if (row is null)
        {
            row = new Preparation
            {
                SchoolId = round.SchoolId, RoundId = round.Id, StudentId = command.StudentId, Party = party,
                HouseholdId = household, StaffMemberId = staff, Key = key, Answers = "[]",
            };
            db.Preparations.Add(row);
        }
        row.Answers = PreparationAnswers.Serialize(answers);
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        row.UpdatedBy = access.UserId!.Value;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<Guid>.Conflict(new FieldError("", "Prepare.ChangedByOther"));
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // Both wrote a first answer at the same moment; the other one is kept.
            return Result<Guid>.Conflict(new FieldError("", "Prepare.ChangedByOther"));
        }
        return row.Id;
    }

    private async Task<(ConversationRound Round, string Key, PreparationParty Party, Guid? Household, Guid? Staff)?> TargetAsync(
        SavePreparationCommand command, CancellationToken ct)
    {
        if (command.AsStaff)
        {
            var staff = await PreparationAccess.ForStaffAsync(db, access, command.RoundId, command.StudentId, ct);
            return staff?.Key is { } key ? (staff.Round, key, PreparationParty.Teacher, null, staff.StaffMemberId) : null;
        }
        var family = await PreparationAccess.ForFamilyAsync(db, access, command.RoundId, command.StudentId, ct);
        return family is null ? null : (family.Round, family.Key, family.Party, family.HouseholdId, null);
    }
}
