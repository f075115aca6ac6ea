using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Conversations;

public sealed class TimeInput
{
    public DateOnly? Date { get; set; }
    public TimeOnly? Start { get; set; }
    public int? Minutes { get; set; }
    public string? Place { get; set; }
}

public sealed class ExternalInput
{
    public string? Name { get; set; }
    public string? Organisation { get; set; }
    public string? Role { get; set; }
}

/// <summary>A student's conversations outside the rounds, and planning a new one (staff).</summary>
[AccessRule(Resource.PlannedConversations)]
public sealed class PlanModel(GetStudentPlan query, PlanConversation plan, ProposeNewTimes propose, CancelConversation cancel,
    IStringLocalizer<ConversationsStaffText> text) : PageModel
{
    public const int TimeRows = ConversationRules.MaxTimes;
    public const int ExternalRows = 3;
    public const int NewTimeRows = 3;

    public StudentPlan Plan { get; private set; } = null!;

    [BindProperty] public string? Purpose { get; set; }
    [BindProperty] public string? StaffNote { get; set; }
    [BindProperty] public int? SupportLevel { get; set; }
    [BindProperty] public string? AskedBy { get; set; }
    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public string? DecidedBy { get; set; }
    [BindProperty] public bool StudentTakesPart { get; set; }
    [BindProperty] public List<Guid> StaffIds { get; set; } = [];
    [BindProperty] public List<ExternalInput> Externals { get; set; } = [];
    [BindProperty] public List<TimeInput> Times { get; set; } = [];
    [BindProperty(SupportsGet = true)] public Guid? Wish { get; set; }
    [BindProperty] public Guid? ConversationId { get; set; }
    [BindProperty] public int Revision { get; set; }
    [BindProperty] public List<TimeInput> NewTimes { get; set; } = [];
    [BindProperty] public string? Message { get; set; }

    public bool Planned { get; private set; }
    /// <summary>"changed" or "cancelled" after the matching form went through.</summary>
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid studentId, bool planned, string? done, CancellationToken ct)
    {
        Planned = planned;
        Done = done is "changed" or "cancelled" ? done : null;
        return await LoadAsync(studentId, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid studentId, CancellationToken ct)
    {
        var result = await plan.HandleAsync(new PlanConversationCommand(studentId, Purpose, StaffNote, SupportLevel, AskedBy, Decision, DecidedBy,
            StudentTakesPart, StaffIds, Externals.Take(ConversationRules.MaxExternal + 1).Select(e => new ExternalParticipant(e.Name, e.Organisation, e.Role)).ToList(),
            Times.Take(ConversationRules.MaxTimes + 1).Select(t => new ProposedTime(t.Date, t.Start, t.Minutes, t.Place)).ToList(), Wish), ct);
        return await this.AfterCommandAsync(result, text, () => LoadAsync(studentId, ct), $"/students/{studentId}/conversations?planned=true");
    }

    public async Task<IActionResult> OnPostProposeAsync(Guid studentId, CancellationToken ct)
    {
        if (ConversationId is not { } id)
        {
            return NotFound();
        }
        var result = await propose.HandleAsync(new ProposeNewTimesCommand(studentId, id, Revision,
            NewTimes.Take(ConversationRules.MaxTimes + 1).Select(t => new ProposedTime(t.Date, t.Start, t.Minutes, t.Place)).ToList(), Message), ct);
        return await this.AfterCommandAsync(result, text, () => LoadAsync(studentId, ct), $"/students/{studentId}/conversations?done=changed");
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid studentId, CancellationToken ct)
    {
        if (ConversationId is not { } id)
        {
            return NotFound();
        }
        var result = await cancel.ByStaffAsync(new CancelConversationCommand(studentId, id, Revision, Message), ct);
        return await this.AfterCommandAsync(result, text, () => LoadAsync(studentId, ct), $"/students/{studentId}/conversations?done=cancelled");
    }

    private async Task<bool> LoadAsync(Guid studentId, CancellationToken ct)
    {
        var result = await query.HandleAsync(studentId, ct);
        if (!result.Ok)
        {
            return false;
        }
        Plan = result.Value!;
        while (Times.Count < TimeRows)
        {
            Times.Add(new TimeInput { Minutes = 45 });
        }
        NewTimes = [.. Enumerable.Range(0, NewTimeRows).Select(_ => new TimeInput { Minutes = 45 })];
        while (Externals.Count < ExternalRows)
        {
            Externals.Add(new ExternalInput());
        }
        return true;
    }
}
