using Driehoek.Web.Features.Bookings;

namespace Driehoek.Web.Features.Calendar;

public sealed record CreateCalendarFeedCommand(bool ReplaceExisting);

/// <summary>
/// Makes the signed-in user's secret calendar-feed token, or replaces it: the old address stops working
/// at once. The token is returned once and never stored.
/// </summary>
public sealed class CreateCalendarFeed(AppDbContext db, Access access, TimeProvider clock)
{
    public async Task<Result<string>> HandleAsync(CreateCalendarFeedCommand command, CancellationToken ct)
    {
        if (access.UserId is not { } userId)
        {
            return Result<string>.NotFound();
        }
        var feed = await db.CalendarFeeds.FirstOrDefaultAsync(f => f.UserId == userId, ct);
        if (feed is not null && !command.ReplaceExisting)
        {
            return Result<string>.Conflict(new FieldError("", "Feed.AlreadyExists"));
        }
        var token = SecretTokens.Create();
        var now = clock.GetUtcNow().UtcDateTime;
        if (feed is null)
        {
            db.CalendarFeeds.Add(new CalendarFeed { UserId = userId, TokenHash = SecretTokens.Hash(token), CreatedAt = now });
        }
        else
        {
            feed.TokenHash = SecretTokens.Hash(token);
            feed.CreatedAt = now;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // Pressed twice at once: the other press made the address.
            return Result<string>.Conflict(new FieldError("", "Feed.AlreadyExists"));
        }
        return token;
    }
}
