using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Tasks;

/// <summary>A staff member's tasks (their own, or a colleague's for those who oversee): mark done, set quiet hours.</summary>
[AccessRule(Resource.StaffTasks)]
public sealed class TasksModel(GetStaffTasks query, CompleteTask complete, SetQuietHours quiet, IStringLocalizer<TasksText> text) : PageModel
{
    public StaffTaskList List { get; private set; } = null!;
    public string? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? staff, string? saved, CancellationToken ct)
    {
        Saved = saved is "done" or "quiet" ? saved : null;
        return await LoadAsync(staff, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostDoneAsync(Guid? staff, Guid taskId, Guid version, string? note, CancellationToken ct)
    {
        if (!await LoadAsync(staff, ct))
        {
            return NotFound();
        }
        var result = await complete.HandleAsync(new CompleteTaskCommand(List.StaffId, taskId, version, note), ct);
        return await this.AfterCommandAsync(result, text, () => LoadAsync(staff, ct), $"/tasks?staff={List.StaffId}&saved=done");
    }

    public async Task<IActionResult> OnPostQuietAsync(Guid? staff, TimeOnly? quietStart, TimeOnly? quietEnd, CancellationToken ct)
    {
        if (!await LoadAsync(staff, ct))
        {
            return NotFound();
        }
        var result = await quiet.HandleAsync(new SetQuietHoursCommand(List.StaffId, quietStart, quietEnd), ct);
        return await this.AfterCommandAsync(result, text, () => LoadAsync(staff, ct), $"/tasks?staff={List.StaffId}&saved=quiet");
    }

    private async Task<bool> LoadAsync(Guid? staff, CancellationToken ct)
    {
        var result = await query.HandleAsync(staff, ct);
        if (!result.Ok)
        {
            return false;
        }
        List = result.Value!;
        return true;
    }
}
