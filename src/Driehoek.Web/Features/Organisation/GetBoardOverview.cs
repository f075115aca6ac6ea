using Driehoek.Web.Features.Permissions;
using Driehoek.Web.Infrastructure.Data;
using Driehoek.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Driehoek.Web.Features.Organisation;

public sealed record BoardSchool(Guid Id, string Name, SchoolKind Kind, int Students, int Staff);

public sealed record BoardOverview(Guid Id, string Name, bool IsDemo, bool TwoFactorForAdmins, IReadOnlyList<BoardSchool> Schools,
    bool HandoverFollowsStudent = false);

public sealed class GetBoardOverview(AppDbContext db, Access access)
{
    public async Task<Result<BoardOverview>> HandleAsync(Guid boardId, CancellationToken ct)
    {
        var board = await db.Boards.AsNoTracking().FirstOrDefaultAsync(b => b.Id == boardId, ct);
        if (board is null || !await access.MayAsync(Resource.Board, Act.View, Target.Board(boardId), ct))
        {
            return Result<BoardOverview>.NotFound();
        }
        var schools = await db.Schools.AsNoTracking().Where(s => s.BoardId == boardId).OrderBy(s => s.Name)
            .Select(s => new BoardSchool(s.Id, s.Name, s.Kind,
                db.Students.Count(x => x.SchoolId == s.Id), db.StaffMembers.Count(x => x.SchoolId == s.Id)))
            .ToListAsync(ct);
        return new BoardOverview(board.Id, board.Name, board.IsDemo, board.TwoFactorForAdmins, schools, board.HandoverFollowsStudent);
    }
}
