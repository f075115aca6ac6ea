namespace Driehoek.Web.Features.Bookings;

public static class BookingRules
{
    /// <summary>Enough for a page of concerns; a megabyte of text is refused with a message, not truncated.</summary>
    public const int MaxTopicsLength = 2000;

    /// <summary>
    /// A booking made or moved within a day and a half of the conversation needs no separate
    /// day-before reminder: the confirmation arrives at about the same moment.
    /// </summary>
    public static DateTime? ReminderAlreadyCovered(DateTime startsAt, DateTime now) =>
        startsAt - now < TimeSpan.FromHours(36) ? now : null;
}

/// <summary>What the topic fields of the booking form and the booking page show: the areas ticked and the family's own words.</summary>
public sealed record TopicsFields(TopicAreas Areas, string? Topics)
{
    public static readonly TopicAreas[] All = [TopicAreas.Results, TopicAreas.Wellbeing, TopicAreas.SocialContacts, TopicAreas.ClassroomClimate];

    public static TopicAreas Combine(IEnumerable<TopicAreas> areas) => areas.Aggregate(TopicAreas.None, (all, a) => all | a);
}
