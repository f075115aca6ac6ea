using Driehoek.Web.Features.Records;

namespace Driehoek.Web.Features.Feedback;

/// <summary>Who gave the feedback, as they took part in the conversation.</summary>
public enum FeedbackGiver
{
    Parent = 1,
    Student = 2,
    Teacher = 3,
}

/// <summary>The fixed points a participant ticks as a top (went well) or a tip (could be better).</summary>
[Flags]
public enum FeedbackPoints
{
    None = 0,
    EnoughTime = 1,
    FeltHeard = 2,
    ClearAgreements = 4,
    StudentVoice = 8,
    WellPrepared = 16,
}

/// <summary>
/// One participant's tops and tips on one held conversation: a rating of three faces, ticked points and an optional
/// short top and tip. One per person per conversation, changeable for <see cref="ConversationFeedback.OpenDays"/> days.
/// The round and form are kept so the school's totals need no join through the record.
/// </summary>
public sealed class ConversationFeedback : Infrastructure.Data.IConcurrencyVersioned
{
    /// <summary>How many days after the conversation feedback can be given or changed.</summary>
    public const int OpenDays = 14;
    /// <summary>How long the free-text top and tip may be: a sentence, not a letter.</summary>
    public const int TextLength = 280;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid RoundId { get; set; }
    public Guid BookingId { get; set; }
    public Guid UserId { get; set; }
    public FeedbackGiver Giver { get; set; }
    public AgendaForm Form { get; set; }
    /// <summary>1 not good, 2 so-so, 3 good.</summary>
    public int Rating { get; set; }
    public FeedbackPoints Tops { get; set; }
    public FeedbackPoints Tips { get; set; }
    public string? TopText { get; set; }
    public string? TipText { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid Version { get; set; }

    public static readonly FeedbackPoints[] Points =
        [FeedbackPoints.EnoughTime, FeedbackPoints.FeltHeard, FeedbackPoints.ClearAgreements, FeedbackPoints.StudentVoice, FeedbackPoints.WellPrepared];
}
