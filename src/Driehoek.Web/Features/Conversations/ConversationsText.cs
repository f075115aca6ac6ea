namespace Driehoek.Web.Features.Conversations;

/// <summary>Strings families and students see about conversations outside the rounds, and the e-mails (all six languages).</summary>
[Infrastructure.Localization.FamilyFacing]
public sealed class ConversationsText;

/// <summary>Strings staff see when planning and following conversations outside the rounds (Dutch and English).</summary>
public sealed class ConversationsStaffText;
