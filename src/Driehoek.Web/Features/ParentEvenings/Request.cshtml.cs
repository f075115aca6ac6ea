using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Rounds;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Driehoek.Web.Features.ParentEvenings;

public sealed class ChildForm
{
    public Guid StudentId { get; set; }
    public bool Main { get; set; }
    public List<Guid> Subjects { get; set; } = [];
    public List<TopicAreas> Areas { get; set; } = [];
    public string? Topics { get; set; }
}

/// <summary>A household asks for its conversations in a round in request mode; after publication, for one more.</summary>
[AccessRule(Resource.EveningRequests)]
public sealed class RequestModel(GetRequestForm query, SaveRequests save, AddLateRequest late, EveningMessages text) : PageModel
{
    public RequestForm Form { get; private set; } = null!;
    public string? Notice { get; private set; }
    /// <summary>A refused post shows what was entered, not what is stored.</summary>
    public bool Posted { get; private set; }

    [BindProperty] public List<ChildForm> Children { get; set; } = [];
    [BindProperty] public List<Guid> SessionIds { get; set; } = [];
    [BindProperty] public string? DoubleLength { get; set; }
    [BindProperty] public string? InterpreterLanguage { get; set; }
    [BindProperty] public MeetingMode Mode { get; set; } = MeetingMode.OnSite;
    [BindProperty] public string? Stamp { get; set; }
    [BindProperty] public string? LateChoice { get; set; }
    [BindProperty] public List<TopicAreas> LateAreas { get; set; } = [];
    [BindProperty] public string? LateTopics { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid roundId, string? notice, CancellationToken ct)
    {
        Notice = notice is "Request.Saved" or "Request.Withdrawn" or "Request.LatePlaced" or "Request.LateUnplaced" or "Request.LateOpen" ? notice : null;
        if (!await LoadAsync(roundId, ct))
        {
            return NotFound();
        }
        return Form.RoundMode == RoundMode.Requests ? Page() : Redirect($"/rounds/{roundId}/book");
    }

    public async Task<IActionResult> OnPostAsync(Guid roundId, CancellationToken ct)
    {
        var children = Children.Select(c => new ChildRequestInput(c.StudentId, c.Main, c.Subjects,
            c.Areas.Aggregate(TopicAreas.None, (all, a) => all | a), c.Topics)).ToList();
        var result = await save.HandleAsync(new SaveRequestsCommand(roundId, children, SessionIds, DoubleLength, InterpreterLanguage, Mode, Stamp), ct);
        return await AfterAsync(roundId, result, result.Value == 0 ? "Request.Withdrawn" : "Request.Saved", ct);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid roundId, bool sure, CancellationToken ct)
    {
        if (!sure)
        {
            if (!await LoadAsync(roundId, ct))
            {
                return NotFound();
            }
            ModelState.AddModelError("sure", text["Request.WithdrawConfirmFirst"]);
            return Page();
        }
        var result = await save.HandleAsync(new SaveRequestsCommand(roundId, [], SessionIds, null, null, MeetingMode.OnSite, Stamp), ct);
        return await AfterAsync(roundId, result, "Request.Withdrawn", ct);
    }

    public async Task<IActionResult> OnPostLateAsync(Guid roundId, CancellationToken ct)
    {
        var parts = (LateChoice ?? "").Split('|');
        var student = parts.Length == 2 ? ScheduleLabels.ParseId(parts[0]) : null;
        var result = await late.HandleAsync(new LateRequestCommand(roundId, student ?? Guid.Empty, parts.Length == 2 ? parts[1] : "",
            LateAreas.Aggregate(TopicAreas.None, (all, a) => all | a), LateTopics, InterpreterLanguage, Mode, SessionIds), ct);
        var notice = result.Value?.Outcome switch
        {
            RequestOutcome.Scheduled => "Request.LatePlaced",
            RequestOutcome.Unplaced => "Request.LateUnplaced",
            _ => "Request.LateOpen",
        };
        return await AfterAsync(roundId, result, notice, ct);
    }

    private Task<IActionResult> AfterAsync<T>(Guid roundId, Result<T> result, string notice, CancellationToken ct) =>
        this.AfterCommandAsync(result, text, () => LoadAsync(roundId, ct), $"/rounds/{roundId}/request?notice={notice}", () => Posted = true);

    public bool SessionChecked(SessionChoice s) => Posted ? SessionIds.Contains(s.Id) : s.Chosen;

    public ChildForm? PostedChild(Guid studentId) => Posted ? Children.FirstOrDefault(c => c.StudentId == studentId) : null;

    public bool MainChecked(ChildRequests child) => PostedChild(child.StudentId) is { } posted
        ? posted.Main
        : child.Requests.Any(r => r.Kind == RequestKind.GroupTeacherOrMentor) || (child.Requests.Count == 0 && Form.MainRequired);

    public bool SubjectChecked(ChildRequests child, Guid teacher) => PostedChild(child.StudentId) is { } posted
        ? posted.Subjects.Contains(teacher)
        : child.Requests.Any(r => r.StaffMemberId == teacher);

    public bool AreaChecked(ChildRequests child, TopicAreas area) => PostedChild(child.StudentId) is { } posted
        ? posted.Areas.Contains(area)
        : child.Areas.HasFlag(area);

    public string? TopicsOf(ChildRequests child) => PostedChild(child.StudentId) is { } posted ? posted.Topics : child.Topics;

    public string DoubleChosen => Posted
        ? DoubleLength ?? "none"
        : Form.Children.SelectMany(c => c.Requests.Where(r => r.DoubleLength)
            .Select(r => $"{c.StudentId:N}:{r.StaffMemberId?.ToString("N") ?? "main"}")).FirstOrDefault() ?? "none";

    private async Task<bool> LoadAsync(Guid roundId, CancellationToken ct)
    {
        var result = await query.HandleAsync(roundId, ct);
        if (!result.Ok)
        {
            return false;
        }
        Form = result.Value!;
        return true;
    }
}
