using Driehoek.Web.Features.Organisation;

namespace Driehoek.Web.Features.Rollover;

public sealed record BoardRolloverLine(Guid SchoolId, string Name, SchoolKind Kind, RolloverState State, string? Year, string? NextYear, DateOnly? OpensOn);

public sealed record BoardRolloverView(Guid BoardId, string Name, IReadOnlyList<BoardRolloverLine> Schools);

/// <summary>
/// A board admin's list of the board's schools, each in its own school year and with its own rollover: the board rolls
/// over school by school, each when it is ready (the board's own overview: <see cref="Resource.Board"/>).
/// </summary>
public sealed class GetBoardRollover(AppDbContext db, Access access, TimeProvider clock)
{
    public async Task<Result<BoardRolloverView>> HandleAsync(Guid boardId, CancellationToken ct)
    {
        var board = await db.Boards.AsNoTracking().Where(b => b.Id == boardId).Select(b => new { b.Id, b.Name }).FirstOrDefaultAsync(ct);
        if (board is null || !await access.MayAsync(Resource.Board, Act.View, Target.Board(boardId), ct))
        {
            return Result<BoardRolloverView>.NotFound();
        }
        var schools = await db.Schools.AsNoTracking().Where(s => s.BoardId == boardId).OrderBy(s => s.Name)
            .Select(s => new { s.Id, s.Name, s.Kind }).ToListAsync(ct);
        var today = SchoolCalendar.Today(clock);
        var lines = new List<BoardRolloverLine>();
        foreach (var school in schools)
        {
            var status = await RolloverStatus.OfAsync(db, school.Id, today, ct);
            lines.Add(new BoardRolloverLine(school.Id, school.Name, school.Kind, status.State, status.From?.Name, status.ToName, status.OpensOn));
        }
        return new BoardRolloverView(board.Id, board.Name, lines);
    }
}
