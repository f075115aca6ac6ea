namespace Driehoek.Web.Features.Agreements;

/// <summary>What a teacher writes down for an agreement, as the form sends it; the owner is a value of <see cref="AgreementOwners"/>.</summary>
public sealed record AgreementFields(string? What, string? Why, string? How, DateOnly? DueOn, DateOnly? CheckOn, string? Owner)
{
    /// <summary>Checks the fields against the owners on offer; the cleaned texts and the chosen owner, or the reasons.</summary>
    public (Cleaned? Value, List<FieldError> Errors) Check(IReadOnlyList<OwnerChoice> owners, DateOnly today, DateOnly? previousCheckOn)
    {
        var errors = new List<FieldError>();
        var what = Clean(What, nameof(What), errors);
        var why = Clean(Why, nameof(Why), errors);
        var how = Clean(How, nameof(How), errors);
        if (what is null && !errors.Any(e => e.Field == nameof(What)))
        {
            errors.Add(new FieldError(nameof(What), "Agreement.WhatRequired"));
        }
        if (CheckOn is not { } checkOn)
        {
            errors.Add(new FieldError(nameof(CheckOn), "Agreement.CheckOnRequired"));
        }
        else if (checkOn < today && checkOn != previousCheckOn)
        {
            errors.Add(new FieldError(nameof(CheckOn), "Agreement.CheckOnPast"));
        }
        var owner = owners.FirstOrDefault(o => o.Value == Owner);
        if (owner is null)
        {
            errors.Add(new FieldError(nameof(Owner), "Agreement.OwnerRequired"));
        }
        return errors.Count > 0 ? (null, errors) : (new Cleaned(what!, why, how, DueOn, CheckOn!.Value, owner!), errors);
    }

    public sealed record Cleaned(string What, string? Why, string? How, DateOnly? DueOn, DateOnly CheckOn, OwnerChoice Owner)
    {
        public void ApplyTo(Agreement agreement)
        {
            if (agreement.CheckOn != CheckOn)
            {
                // A new check date earns a new reminder.
                agreement.ReminderSentAt = null;
            }
            agreement.What = What;
            agreement.Why = Why;
            agreement.How = How;
            agreement.DueOn = DueOn;
            agreement.CheckOn = CheckOn;
            agreement.Owner = Owner.Owner;
            agreement.OwnerGuardianId = Owner.Owner == AgreementOwner.Guardian ? Owner.Id : null;
            agreement.OwnerStaffMemberId = Owner.Owner == AgreementOwner.Staff ? Owner.Id : null;
        }
    }

    /// <summary>Trimmed text, null when empty; too long is refused with the limit, whatever the size.</summary>
    public static string? Clean(string? text, string field, List<FieldError> errors, int max = AgreementRules.MaxTextLength)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }
        if (trimmed.Length > max)
        {
            errors.Add(new FieldError(field, "Agreement.TooLong", max));
            return null;
        }
        return trimmed;
    }
}
