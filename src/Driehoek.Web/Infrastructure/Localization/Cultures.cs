using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Driehoek.Web.Infrastructure.Localization;

public static class Cultures
{
    public const string Default = "nl";

    /// <summary>Dutch first; the languages most Dutch schools' families read at home.</summary>
    public static readonly IReadOnlyList<string> Supported = ["nl", "en", "ar", "tr", "pl", "uk"];

    /// <summary>Each language's own name, so a parent finds theirs without reading Dutch.</summary>
    public static readonly IReadOnlyDictionary<string, string> NativeNames = new Dictionary<string, string>
    {
        ["nl"] = "Nederlands",
        ["en"] = "English",
        ["ar"] = "العربية",
        ["tr"] = "Türkçe",
        ["pl"] = "Polski",
        ["uk"] = "Українська",
    };

    public static bool IsSupported(string? culture) => culture is not null && Supported.Contains(culture);

    public static string Normalize(string? culture) => IsSupported(culture) ? culture! : Default;

    public static bool IsRightToLeft => CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft;

    public static void SetCookie(HttpResponse response, string culture) =>
        response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(Normalize(culture))),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
}

/// <summary>Marks a resource set shown on parent or student pages: it must exist in all six languages.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class FamilyFacingAttribute : Attribute;

public static class LocalizationSetup
{
    public static IServiceCollection AddDriehoekLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddPluralForms();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Cultures.Supported.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture(Cultures.Default);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            // A chosen language (cookie, set from the user's profile at sign-in) wins; a first visit
            // follows the browser.
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" },
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }
}
