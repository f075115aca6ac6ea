using Driehoek.Web.Features.Bookings;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.ParentEvenings;

/// <summary>
/// Words a message key from either side: the family's texts, the booking texts it shares ("Booking.…"),
/// or the school leader's. Handlers return keys; pages and endpoints word them with this.
/// </summary>
public sealed class EveningMessages(
    IStringLocalizer<ParentEveningText> family, IStringLocalizer<BookingsText> bookings, IStringLocalizer<ScheduleText> staff) : IStringLocalizer
{
    public LocalizedString this[string name] => For(name)[name];

    public LocalizedString this[string name, params object[] arguments] => For(name)[name, arguments];

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        family.GetAllStrings(includeParentCultures).Concat(staff.GetAllStrings(includeParentCultures));

    private IStringLocalizer For(string name) =>
        name.StartsWith("Booking.", StringComparison.Ordinal) ? bookings
        : name.StartsWith("Request.", StringComparison.Ordinal) || name.StartsWith("Unplaced.", StringComparison.Ordinal) ? family
        : staff;
}
