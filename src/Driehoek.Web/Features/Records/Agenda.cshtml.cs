using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Records;

/// <summary>A school leader edits the school's conversation agenda per form.</summary>
[AccessRule(Resource.AgendaTemplates)]
public sealed class AgendaModel(GetAgendaTemplate query, SaveAgendaTemplate save, IStringLocalizer<RecordsText> text) : PageModel
{
    /// <summary>Empty rows under the items, to add new ones without script.</summary>
    public const int NewRows = 2;

    public AgendaTemplateView View { get; private set; } = null!;
    public List<AgendaRow> Rows { get; private set; } = [];
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid schoolId, AgendaForm agenda, bool saved, CancellationToken ct)
    {
        if (!await LoadAsync(schoolId, agenda, ct))
        {
            return NotFound();
        }
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid schoolId, AgendaForm agenda, Guid? version, List<AgendaRow>? rows, CancellationToken ct)
    {
        var given = rows ?? [];
        var result = await save.HandleAsync(new SaveAgendaCommand(schoolId, agenda, version, given), ct);
        return await this.AfterCommandAsync(result, text, () => LoadAsync(schoolId, agenda, ct), $"/school/{schoolId}/agendas/{agenda}?saved=true",
            onRefused: () =>
            {
                if (result.Failure == Failure.Invalid)
                {
                    Rows = given;
                }
            });
    }

    private async Task<bool> LoadAsync(Guid schoolId, AgendaForm form, CancellationToken ct)
    {
        var result = await query.HandleAsync(schoolId, form, ct);
        if (!result.Ok)
        {
            return false;
        }
        View = result.Value!;
        Rows = View.Items.Select((item, i) => new AgendaRow { Key = item.Key, Title = Agendas.Title(text, item.Key, item.Title), InTurns = item.InTurns, Order = i + 1 })
            .Concat(Enumerable.Range(View.Items.Count + 1, NewRows).Select(order => new AgendaRow { Order = order }))
            .ToList();
        return true;
    }
}
