using Driehoek.Web.Infrastructure.Localization;

namespace Driehoek.Web.Features.Home;

[FamilyFacing]
public sealed class HomeText;
