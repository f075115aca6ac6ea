using Driehoek.Tests.Handover;
using Microsoft.Playwright;
using static Driehoek.Tests.Handover.HandoverWorld;

namespace Driehoek.Tests.Browser;

/// <summary>
/// The handover follows a student to another school of the board in a real browser: the board admin allows it on the
/// board page, and the mentor at the secondary school reads what the primary school's teacher released, with its name.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Lane", "Browser")]
public sealed class BoardTransferJourney(BrowserApp app)
{
    [Fact]
    public async Task The_board_admin_allows_it_and_the_secondary_schools_mentor_reads_the_primary_schools_handover()
    {
        var (h, at) = await app.MovesWithinBoardAsync(boardAllows: false);
        var admin = await app.World.BoardAdminAsync(h.School.BoardId);

        var board = await app.NewPageAsync();
        await app.SignInAsync(board, admin.Email!);
        await board.GotoAsync($"/board/{h.School.BoardId}");
        await board.Locator("#handoverFollowsStudent").CheckAsync();
        await board.Locator("main form[method=post] button[type=submit]").ClickAsync();
        await Assertions.Expect(board.Locator("#handoverFollowsStudent")).ToBeCheckedAsync();

        var mentor = await app.NewPageAsync();
        await app.SignInAsync(mentor, at.Mentor.Email!);
        await mentor.GotoAsync($"/students/{at.StudentId}/handover");
        await mentor.Locator($"main a[href='{at.Url(h.School.Year)}']").First.ClickAsync();
        await Assertions.Expect(mentor.Locator("main .from-school")).ToContainTextAsync(h.School.School.Name);
        await Assertions.Expect(mentor.Locator("main")).ToContainTextAsync(Agreement);
        await Assertions.Expect(mentor.Locator("main")).Not.ToContainTextAsync(CareNote);
    }
}
