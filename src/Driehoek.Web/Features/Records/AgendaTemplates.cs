using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Records;

public sealed record AgendaTemplateView(Guid SchoolId, AgendaForm Form, IReadOnlyList<AgendaItem> Items, bool Own, Guid? Version);

/// <summary>One row of the agenda editor: an item (its default key if it was one), where it goes, and whether it goes.</summary>
public sealed class AgendaRow
{
    public string? Key { get; set; }
    public string? Title { get; set; }
    public bool InTurns { get; set; }
    public int Order { get; set; }
    public bool Remove { get; set; }
}

public sealed record SaveAgendaCommand(Guid SchoolId, AgendaForm Form, Guid? Version, IReadOnlyList<AgendaRow> Rows);

/// <summary>A school's agenda for one form, as a leader edits it: the school's own, or the defaults until it has one.</summary>
public sealed class GetAgendaTemplate(AppDbContext db, Access access)
{
    public async Task<Result<AgendaTemplateView>> HandleAsync(Guid schoolId, AgendaForm form, CancellationToken ct)
    {
        if (!Enum.IsDefined(form) || !await access.MayAsync(Resource.AgendaTemplates, Act.View, Target.School(schoolId), ct))
        {
            return Result<AgendaTemplateView>.NotFound();
        }
        var (items, version) = await Agendas.ForSchoolAsync(db, schoolId, form, ct);
        return new AgendaTemplateView(schoolId, form, items, version is not null, version);
    }
}

/// <summary>
/// A leader adds, renames, reorders and removes the items of the school's agenda for one form; records started
/// afterwards follow it (records already started keep theirs). A default item left as it was keeps its key, so
/// every reader still sees it in their own language.
/// </summary>
public sealed class SaveAgendaTemplate(AppDbContext db, Access access, TimeProvider clock, IStringLocalizer<RecordsText> text)
{
    public async Task<Result<Guid>> HandleAsync(SaveAgendaCommand command, CancellationToken ct)
    {
        if (!Enum.IsDefined(command.Form) || !await access.MayAsync(Resource.AgendaTemplates, Act.Change, Target.School(command.SchoolId), ct))
        {
            return Result<Guid>.NotFound();
        }
        var items = command.Rows.Select((row, index) => (row, index))
            .Where(x => !x.row.Remove && !string.IsNullOrWhiteSpace(x.row.Title))
            .OrderBy(x => x.row.Order).ThenBy(x => x.index)
            .Select(x => Item(x.row))
            .ToList();
        if (items.Count is 0 or > Limits.Items)
        {
            return Result<Guid>.Invalid(new FieldError("", "Agenda.Count", Limits.Items));
        }
        if (items.Any(i => i.Title?.Length > Limits.Title))
        {
            return Result<Guid>.Invalid(new FieldError("", "Agenda.TitleTooLong", Limits.Title));
        }
        var template = await db.AgendaTemplates.FirstOrDefaultAsync(t => t.SchoolId == command.SchoolId && t.Form == command.Form, ct);
        if (template?.Version != command.Version)
        {
            return Result<Guid>.Conflict(new FieldError("", "Agenda.ChangedMeanwhile"));
        }
        if (template is null)
        {
            template = new AgendaTemplate { SchoolId = command.SchoolId, Form = command.Form, Items = "[]" };
            db.AgendaTemplates.Add(template);
        }
        template.Items = Agendas.Write(items);
        template.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        template.UpdatedBy = access.UserId!.Value;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Result<Guid>.Conflict(new FieldError("", "Agenda.ChangedMeanwhile"));
        }
        return template.Version;
    }

    private AgendaItem Item(AgendaRow row)
    {
        var title = row.Title!.Trim();
        var keep = row.Key is not null && Agendas.Keys.Contains(row.Key) && title == Agendas.Title(text, row.Key, null);
        return keep ? new AgendaItem(row.Key, null, row.InTurns) : new AgendaItem(null, title, row.InTurns);
    }
}
