using Driehoek.Web.Features.Bookings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Driehoek.Web.Features.Home;

[AccessRule(Resource.Home)]
public sealed class StudentModel(GetMyHome handler, GetStudentConversations conversations) : PageModel
{
    public MyHome Home { get; private set; } = null!;
    public IReadOnlyList<StudentConversation> Conversations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Home = await handler.HandleAsync(ct);
        if (Home.OwnStudentRecords.Count == 0)
        {
            return NotFound();
        }
        Conversations = await conversations.HandleAsync(ct);
        return Page();
    }
}
