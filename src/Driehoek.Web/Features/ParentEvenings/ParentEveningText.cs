using Driehoek.Web.Features.Bookings;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.ParentEvenings;

/// <summary>Strings parents see when they ask for conversations and read their timetable (all six languages).</summary>
[Infrastructure.Localization.FamilyFacing]
public sealed class ParentEveningText;
