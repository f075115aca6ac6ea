using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.Rounds;

namespace Driehoek.Web.Features.Coverage;

/// <summary>The board's schools side by side for one kind of round, each in its own current school year.</summary>
public sealed record BoardCoverageView(Guid BoardId, string BoardName, RoundKind Kind, IReadOnlyList<CoverageLine> Schools);

/// <summary>
/// For a board admin: every school's coverage of the chosen kind of round. Each school is one set-based load, so
/// the work grows with the number of schools, never with the number of families.
/// </summary>
public sealed class GetBoardCoverage(AppDbContext db, Access access, TimeProvider clock)
{
    public async Task<Result<BoardCoverageView>> HandleAsync(Guid boardId, RoundKind? kind, CancellationToken ct)
    {
        var board = await db.Boards.AsNoTracking().Where(b => b.Id == boardId).Select(b => new { b.Id, b.Name }).FirstOrDefaultAsync(ct);
        if (board is null || !await access.MayAsync(Resource.Board, Act.View, Target.Board(boardId), ct))
        {
            return Result<BoardCoverageView>.NotFound();
        }
        var chosen = kind is { } k && CoverageFacts.BasicKinds.Contains(k) ? k : RoundKind.Start;
        var schools = await db.Schools.AsNoTracking().Where(s => s.BoardId == boardId).OrderBy(s => s.Name)
            .Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        var today = SchoolCalendar.Today(clock);
        var lines = new List<CoverageLine>();
        foreach (var school in schools)
        {
            var year = await SchoolCalendar.CurrentYearAsync(db, school.Id, today, ct);
            var facts = year is null ? GetSchoolCoverage.Empty : await CoverageFacts.LoadAsync(db, school.Id, year.Id, null, ct);
            lines.Add(new CoverageLine(school.Id, school.Name, facts.Students.Count, StateCounts.Of(facts.Families, chosen)));
        }
        return new BoardCoverageView(board.Id, board.Name, chosen, lines);
    }
}
