namespace Driehoek.Web.Features.Conversations;

/// <summary>Strings of the staff pages that plan rounds (Dutch and English).</summary>
public sealed class RoundsText;

/// <summary>Strings parents and students see about rounds, invitations and preparation (all six languages).</summary>
[Infrastructure.Localization.FamilyFacing]
public sealed class ConversationsText;
