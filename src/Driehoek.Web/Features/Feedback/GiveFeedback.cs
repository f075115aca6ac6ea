using Driehoek.Web.Features.Records;

namespace Driehoek.Web.Features.Feedback;

/// <param name="Tops">point names ticked as going well</param>
/// <param name="Tips">point names ticked as could be better</param>
public sealed record GiveFeedbackCommand(Guid BookingId, Guid? Version, int? Rating, IReadOnlyList<string> Tops, IReadOnlyList<string> Tips,
    string? TopText, string? TipText);

public sealed record FeedbackGiven(Guid FeedbackId, Guid Version);

/// <summary>
/// A parent of the household, the student (if they were there) or the teacher gives or changes their tops and tips on
/// a held conversation, until <see cref="ConversationFeedback.OpenDays"/> days after it. One per person: a second
/// form sent from an old page is refused as "changed meanwhile".
/// </summary>
public sealed class GiveFeedback(AppDbContext db, Access access, TimeProvider clock)
{
    public async Task<Result<FeedbackGiven>> HandleAsync(GiveFeedbackCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var target = await FeedbackAccess.FindAsync(db, access, command.BookingId, Act.Change, now, ct);
        if (target is null)
        {
            return Result<FeedbackGiven>.NotFound();
        }
        if (target.Closed is { } closed)
        {
            return Result<FeedbackGiven>.Invalid(new FieldError("", "Feedback.Closed." + closed));
        }
        var (tops, tips, problems) = Check(command);
        if (problems.Count > 0)
        {
            return Result<FeedbackGiven>.Invalid([.. problems]);
        }
        var feedback = await db.ConversationFeedback.FirstOrDefaultAsync(f => f.BookingId == command.BookingId && f.UserId == access.UserId, ct);
        if (feedback is not null && command.Version != feedback.Version)
        {
            return Result<FeedbackGiven>.Conflict(new FieldError("", "Feedback.ChangedMeanwhile"));
        }
        if (feedback is null)
        {
            var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == target.Booking.RoundId, ct);
            var recorded = await db.ConversationRecords.AsNoTracking().Where(r => r.BookingId == command.BookingId).Select(r => (AgendaForm?)r.Form)
                .FirstOrDefaultAsync(ct);
            feedback = new ConversationFeedback
            {
                SchoolId = target.Booking.SchoolId, RoundId = round.Id, BookingId = target.Booking.Id, UserId = access.UserId!.Value,
                Giver = target.Giver, Form = recorded ?? Agendas.FormOf(round), CreatedAt = now,
            };
            db.ConversationFeedback.Add(feedback);
        }
        feedback.Rating = command.Rating!.Value;
        feedback.Tops = tops;
        feedback.Tips = tips;
        feedback.TopText = Blank(command.TopText);
        feedback.TipText = Blank(command.TipText);
        feedback.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same person sent it twice at once (two tabs): the first one counts.
            return Result<FeedbackGiven>.Conflict(new FieldError("", "Feedback.ChangedMeanwhile"));
        }
        return new FeedbackGiven(feedback.Id, feedback.Version);
    }

    private static (FeedbackPoints Tops, FeedbackPoints Tips, List<FieldError> Problems) Check(GiveFeedbackCommand command)
    {
        var problems = new List<FieldError>();
        if (command.Rating is not (>= 1 and <= 3))
        {
            problems.Add(new FieldError("Rating", "Feedback.ChooseRating"));
        }
        var tops = Parse(command.Tops, "Tops", problems);
        var tips = Parse(command.Tips, "Tips", problems);
        if ((tops & tips) != FeedbackPoints.None)
        {
            problems.Add(new FieldError("Tips", "Feedback.BothTopAndTip"));
        }
        foreach (var (field, text) in new[] { ("TopText", command.TopText), ("TipText", command.TipText) })
        {
            if (text?.Trim().Length > ConversationFeedback.TextLength)
            {
                problems.Add(new FieldError(field, "Feedback.TooLong", ConversationFeedback.TextLength));
            }
        }
        return (tops, tips, problems);
    }

    private static FeedbackPoints Parse(IReadOnlyList<string> names, string field, List<FieldError> problems)
    {
        var points = FeedbackPoints.None;
        foreach (var name in names)
        {
            var point = ConversationFeedback.Points.FirstOrDefault(p => p.ToString() == name);
            if (point == FeedbackPoints.None)
            {
                problems.Add(new FieldError(field, "Feedback.UnknownPoint"));
                break;
            }
            points |= point;
        }
        return points;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
