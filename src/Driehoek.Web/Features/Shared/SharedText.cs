using Driehoek.Web.Infrastructure.Localization;

namespace Driehoek.Web.Features.Shared;

/// <summary>Strings of the layout and of messages every page shares.</summary>
[FamilyFacing]
public sealed class SharedText;
