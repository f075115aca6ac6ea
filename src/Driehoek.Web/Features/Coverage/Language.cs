using System.Globalization;
using Driehoek.Web.Infrastructure.Localization;

namespace Driehoek.Web.Features.Coverage;

/// <summary>A home language as a page shows it: its own name (a language Driehoek speaks, else the system's), and the code.</summary>
public static class HomeLanguageName
{
    public static string Of(string code)
    {
        if (Cultures.NativeNames.TryGetValue(code, out var known))
        {
            return known;
        }
        try
        {
            var culture = CultureInfo.GetCultureInfo(code);
            return culture.NativeName == code ? code : $"{culture.NativeName} ({code})";
        }
        catch (CultureNotFoundException)
        {
            return code;
        }
    }
}
