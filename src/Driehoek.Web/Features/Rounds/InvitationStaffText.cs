namespace Driehoek.Web.Features.Rounds;

/// <summary>Strings of the staff pages about invitations, letters and preparation (Dutch and English).</summary>
public sealed class InvitationStaffText;
