using Driehoek.Web.Infrastructure.Audit;

namespace Driehoek.Web.Features.Organisation;

public sealed record SaveBoardSettingsCommand(Guid BoardId, bool TwoFactorForAdmins, bool HandoverFollowsStudent);

/// <summary>
/// A board admin sets whether the board's admins sign in with a second step and whether the handover follows a student to
/// another school of the board; the change is written to the audit log.
/// </summary>
public sealed class SaveBoardSettings(AppDbContext db, Access access, AuditLog audit)
{
    public async Task<Result<Guid>> HandleAsync(SaveBoardSettingsCommand command, CancellationToken ct)
    {
        var board = await db.Boards.FirstOrDefaultAsync(b => b.Id == command.BoardId, ct);
        if (board is null || !await access.MayAsync(Resource.Board, Act.Change, Target.Board(board.Id), ct))
        {
            return Result<Guid>.NotFound();
        }
        board.TwoFactorForAdmins = command.TwoFactorForAdmins;
        board.HandoverFollowsStudent = command.HandoverFollowsStudent;
        audit.Record("board-settings.saved", "board", board.Id, access.UserId, null);
        await db.SaveChangesAsync(ct);
        return board.Id;
    }
}
