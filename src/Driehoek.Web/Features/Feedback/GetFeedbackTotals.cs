using Driehoek.Web.Features.Records;

namespace Driehoek.Web.Features.Feedback;

/// <summary>How often a point was ticked as a top and as a tip.</summary>
public sealed record PointCount(FeedbackPoints Point, int Tops, int Tips);

/// <summary>The feedback on a set of conversations in numbers: never who said what, never the free text.</summary>
public sealed record FeedbackTotal(int Parents, int Students, int Teachers, double AverageRating, int WithText, IReadOnlyList<PointCount> Points)
{
    public int Count => Parents + Students + Teachers;
}

public sealed record RoundTotal(Guid RoundId, string RoundName, DateOnly FirstDay, AgendaForm Form, FeedbackTotal Total);

public sealed record FormTotal(AgendaForm Form, FeedbackTotal Total);

public sealed record FeedbackTotalsView(Guid SchoolId, string SchoolName, IReadOnlyList<FormTotal> Forms, IReadOnlyList<RoundTotal> Rounds);

/// <summary>
/// A school's feedback totals per conversation form and per round, for its leaders: counts and averages, so the
/// free text of a parent or student stays with the conversation's teacher (need to know).
/// </summary>
public sealed class GetFeedbackTotals(AppDbContext db, Access access)
{
    private sealed record Row(Guid RoundId, AgendaForm Form, FeedbackGiver Giver, int Rating, FeedbackPoints Tops, FeedbackPoints Tips, bool Text);

    public async Task<Result<FeedbackTotalsView>> HandleAsync(Guid schoolId, CancellationToken ct)
    {
        if (!await access.MayAsync(Resource.FeedbackTotals, Act.View, Target.School(schoolId), ct))
        {
            return Result<FeedbackTotalsView>.NotFound();
        }
        var school = await db.Schools.AsNoTracking().Where(s => s.Id == schoolId).Select(s => s.Name).SingleAsync(ct);
        var rows = await db.ConversationFeedback.AsNoTracking().Where(f => f.SchoolId == schoolId)
            .Select(f => new Row(f.RoundId, f.Form, f.Giver, f.Rating, f.Tops, f.Tips, f.TopText != null || f.TipText != null))
            .ToListAsync(ct);
        var roundIds = rows.Select(r => r.RoundId).Distinct().ToList();
        var rounds = await db.Rounds.AsNoTracking().Where(r => roundIds.Contains(r.Id))
            .Select(r => new { r.Id, r.Name, r.FirstDay }).ToListAsync(ct);
        var forms = rows.GroupBy(r => r.Form).OrderBy(g => g.Key).Select(g => new FormTotal(g.Key, Sum(g))).ToList();
        var perRound = rounds.OrderByDescending(r => r.FirstDay).ThenBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(r =>
            {
                var of = rows.Where(x => x.RoundId == r.Id).ToList();
                return new RoundTotal(r.Id, r.Name, r.FirstDay, of.GroupBy(x => x.Form).MaxBy(g => g.Count())!.Key, Sum(of));
            })
            .ToList();
        return new FeedbackTotalsView(schoolId, school, forms, perRound);
    }

    private static FeedbackTotal Sum(IEnumerable<Row> rows)
    {
        var all = rows.ToList();
        return new FeedbackTotal(all.Count(r => r.Giver == FeedbackGiver.Parent), all.Count(r => r.Giver == FeedbackGiver.Student),
            all.Count(r => r.Giver == FeedbackGiver.Teacher), all.Count == 0 ? 0 : Math.Round(all.Average(r => r.Rating), 1), all.Count(r => r.Text),
            ConversationFeedback.Points.Select(p => new PointCount(p, all.Count(r => r.Tops.HasFlag(p)), all.Count(r => r.Tips.HasFlag(p)))).ToList());
    }
}

/// <summary>One table of the totals page: a heading for its first column and a row per form or round.</summary>
public sealed record TotalsTable(string Id, string Heading, IReadOnlyList<(string Label, FeedbackTotal Total)> Rows);
