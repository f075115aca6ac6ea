namespace Driehoek.Web.Features.Home;

/// <summary>Something coming up for a family or a student (a conversation, a booking window that closes).</summary>
public sealed record AgendaItem(DateTime StartsAtUtc, string Title, string? Detail, string? Url, Guid? StudentId);

/// <summary>
/// How features put things on the family's "coming up" list without the home page knowing them:
/// each registers an implementation.
/// </summary>
public interface IAgendaSource
{
    Task<IReadOnlyList<AgendaItem>> ForUserAsync(AccessProfile profile, CancellationToken ct);
}
