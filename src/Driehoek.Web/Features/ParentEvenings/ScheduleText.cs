using Driehoek.Web.Features.Bookings;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.ParentEvenings;

/// <summary>Strings of the school leader's scheduling pages (Dutch and English).</summary>
public sealed class ScheduleText;
