using System.Globalization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Infrastructure.Localization;

/// <summary>
/// Counted words ("1 gesprek", "4 gesprekken"; Arabic, Polish and Ukrainian have more forms). A resource
/// with counted words holds every form of its language in one value, each after its CLDR category:
/// <c>one: {0} gesprek | other: {0} gesprekken</c>; the first argument is the count. Every language
/// keeps the same keys, and a translator sees all forms together. See docs/adr/0014-plural-forms.md.
/// </summary>
public static class Plurals
{
    private static readonly string[] Categories = ["zero", "one", "two", "few", "many", "other"];

    /// <summary>The CLDR plural category of a whole number in a language (CLDR plurals.xml, integer rules).</summary>
    public static string Category(string language, long n)
    {
        var abs = Math.Abs(n);
        long mod10 = abs % 10, mod100 = abs % 100;
        return language switch
        {
            "ar" => abs switch
            {
                0 => "zero",
                1 => "one",
                2 => "two",
                _ when mod100 is >= 3 and <= 10 => "few",
                _ when mod100 is >= 11 and <= 99 => "many",
                _ => "other",
            },
            "pl" => abs == 1 ? "one" : mod10 is >= 2 and <= 4 && mod100 is not (>= 12 and <= 14) ? "few" : "many",
            "uk" => mod10 == 1 && mod100 != 11 ? "one" : mod10 is >= 2 and <= 4 && mod100 is not (>= 12 and <= 14) ? "few" : "many",
            _ => abs == 1 ? "one" : "other",
        };
    }

    /// <summary>
    /// The form of <paramref name="value"/> for <paramref name="category"/>, else its "other", else its last form;
    /// null when the value has no plural forms (a plain text).
    /// </summary>
    public static string? Pick(string value, string category)
    {
        if (!value.Contains('|', StringComparison.Ordinal))
        {
            return null;
        }
        var forms = new Dictionary<string, string>();
        foreach (var part in value.Split('|', StringSplitOptions.TrimEntries))
        {
            var pair = part.Split(':', 2, StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || !Categories.Contains(pair[0]))
            {
                return null;
            }
            forms[pair[0]] = pair[1];
        }
        return forms.TryGetValue(category, out var form) ? form : forms.TryGetValue("other", out var other) ? other : forms.Values.Last();
    }

    /// <summary>Makes every localizer of the app pick the plural form by its first argument.</summary>
    public static IServiceCollection AddPluralForms(this IServiceCollection services)
    {
        services.TryAddSingleton<ResourceManagerStringLocalizerFactory>();
        services.Replace(ServiceDescriptor.Singleton<IStringLocalizerFactory>(sp =>
            new PluralLocalizerFactory(sp.GetRequiredService<ResourceManagerStringLocalizerFactory>())));
        return services;
    }

    private sealed class PluralLocalizerFactory(IStringLocalizerFactory inner) : IStringLocalizerFactory
    {
        public IStringLocalizer Create(Type resourceSource) => new PluralLocalizer(inner.Create(resourceSource));

        public IStringLocalizer Create(string baseName, string location) => new PluralLocalizer(inner.Create(baseName, location));
    }

    private sealed class PluralLocalizer(IStringLocalizer inner) : IStringLocalizer
    {
        public LocalizedString this[string name] => inner[name];

        public LocalizedString this[string name, params object[] arguments]
        {
            get
            {
                var raw = inner[name];
                if (raw.ResourceNotFound || arguments is not [var first, ..] || WholeNumber(first) is not { } n
                    || Pick(raw.Value, Category(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, n)) is not { } form)
                {
                    return inner[name, arguments];
                }
                return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, form, arguments), false, raw.SearchedLocation);
            }
        }

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);

        private static long? WholeNumber(object value) => value switch
        {
            int i => i,
            long l => l,
            short s => s,
            byte b => b,
            uint u => u,
            _ => null,
        };
    }
}
