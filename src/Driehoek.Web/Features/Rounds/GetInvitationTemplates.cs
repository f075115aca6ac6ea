using Driehoek.Web.Infrastructure.Localization;

namespace Driehoek.Web.Features.Rounds;

public sealed record TemplateCell(string Language, bool Edited);

public sealed record TemplateRow(ConversationForm Form, IReadOnlyList<TemplateCell> Languages);

public sealed record TemplateOverview(Guid SchoolId, string SchoolName, IReadOnlyList<TemplateRow> Forms);

public sealed record TemplateForm(Guid SchoolId, string SchoolName, ConversationForm Form, string Language, InvitationText Text, Guid? Version);

/// <summary>The school's invitation texts for its leaders: which form and language it has worded itself.</summary>
public sealed class GetInvitationTemplates(AppDbContext db, Access access)
{
    public async Task<Result<TemplateOverview>> OverviewAsync(Guid schoolId, CancellationToken ct)
    {
        if (!await access.MayAsync(Resource.InvitationTexts, Act.View, Target.School(schoolId), ct))
        {
            return Result<TemplateOverview>.NotFound();
        }
        var name = await db.Schools.AsNoTracking().Where(s => s.Id == schoolId).Select(s => s.Name).SingleAsync(ct);
        var edited = await db.InvitationTemplates.AsNoTracking().Where(t => t.SchoolId == schoolId)
            .Select(t => new { t.Form, t.Language }).ToListAsync(ct);
        var rows = Enum.GetValues<ConversationForm>().Select(f => new TemplateRow(f,
            Cultures.Supported.Select(l => new TemplateCell(l, edited.Any(e => e.Form == f && e.Language == l))).ToList())).ToList();
        return new TemplateOverview(schoolId, name, rows);
    }

    public async Task<Result<TemplateForm>> FormAsync(Guid schoolId, ConversationForm form, string language, CancellationToken ct)
    {
        if (!Enum.IsDefined(form) || !Cultures.IsSupported(language) || !await access.MayAsync(Resource.InvitationTexts, Act.View, Target.School(schoolId), ct))
        {
            return Result<TemplateForm>.NotFound();
        }
        var name = await db.Schools.AsNoTracking().Where(s => s.Id == schoolId).Select(s => s.Name).SingleAsync(ct);
        var own = await db.InvitationTemplates.AsNoTracking()
            .FirstOrDefaultAsync(t => t.SchoolId == schoolId && t.Form == form && t.Language == language, ct);
        return new TemplateForm(schoolId, name, form, language,
            own is null ? InvitationTexts.Standard(form, language) : InvitationTexts.FromTemplate(own), own?.Version);
    }
}
