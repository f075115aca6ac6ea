using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Driehoek.Web.Features.ParentEvenings;

/// <summary>A scheduler run: its progress (the page refreshes itself), then the review, moves by hand and publishing.</summary>
[AccessRule(Resource.Schedule)]
public sealed class RunModel(GetRun query, CancelRun cancel, MoveMeeting move, PublishSchedule publish, EveningMessages text, TimeProvider clock) : PageModel
{
    public RunReview Review { get; private set; } = null!;
    public string? Notice { get; private set; }
    public double ElapsedSeconds { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid roundId, Guid runId, string? move, string? notice, string? teacher, int unplaced = 1,
        int waiting = 1, CancellationToken ct = default)
    {
        Notice = notice is "Run.Moved" or "Run.Published" or "Run.Stopped" ? notice : null;
        return await LoadAsync(roundId, runId, move, ct, new RunListing(teacher, unplaced, waiting)) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid roundId, Guid runId, CancellationToken ct) =>
        await AfterAsync(roundId, runId, await cancel.HandleAsync(runId, ct), "Run.Stopped", null, ct);

    public async Task<IActionResult> OnPostMoveAsync(Guid roundId, Guid runId, Guid version, string requestId, int start, string? teacherId, CancellationToken ct) =>
        await AfterAsync(roundId, runId, await move.HandleAsync(new MoveMeetingCommand(runId, version, requestId, start, teacherId), ct), "Run.Moved", requestId, ct);

    public async Task<IActionResult> OnPostPublishAsync(Guid roundId, Guid runId, Guid version, bool sure, CancellationToken ct)
    {
        if (!sure)
        {
            if (!await LoadAsync(roundId, runId, null, ct))
            {
                return NotFound();
            }
            ModelState.AddModelError("sure", text["Run.PublishConfirmFirst"]);
            return Page();
        }
        var result = await publish.HandleAsync(new PublishScheduleCommand(runId, version), ct);
        return await AfterAsync(roundId, runId, result, "Run.Published", null, ct);
    }

    private Task<IActionResult> AfterAsync<T>(Guid roundId, Guid runId, Result<T> result, string notice, string? move, CancellationToken ct) =>
        this.AfterCommandAsync(result, text, () => LoadAsync(roundId, runId, move, ct), $"/rounds/{roundId}/schedule/{runId}?notice={notice}");

    private async Task<bool> LoadAsync(Guid roundId, Guid runId, string? move, CancellationToken ct, RunListing? listing = null)
    {
        // After a move, the teacher of the moved meeting's timeline is the one to see again.
        var result = await query.HandleAsync(runId, move, ct, listing ?? new RunListing(Request.Query["teacher"]));
        if (!result.Ok || result.Value!.RoundId != roundId)
        {
            return false;
        }
        Review = result.Value;
        ElapsedSeconds = Review.Progress?.Elapsed.TotalSeconds
                         ?? (Review.StartedAt is { } started ? (clock.GetUtcNow().UtcDateTime - started).TotalSeconds : 0);
        return true;
    }
}
