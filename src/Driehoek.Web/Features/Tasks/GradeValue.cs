using System.Globalization;

namespace Driehoek.Web.Features.Tasks;

/// <summary>Report grades in hundredths (5,45 is 545): exact, and comparable in SQL on SQLite as well.</summary>
public static class GradeValue
{
    /// <summary>A grade from 1 to 10 (or a number within the bounds given) with at most two decimals, with a decimal comma or point.</summary>
    public static bool TryHundredths(string value, out int hundredths, decimal min = 1, decimal max = 10)
    {
        hundredths = 0;
        var text = value.Trim().Replace(',', '.');
        if (text.Length > 6 || !decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var grade)
            || grade < min || grade > max || decimal.Round(grade, 2) != grade)
        {
            return false;
        }
        hundredths = (int)(grade * 100);
        return true;
    }

    /// <summary>A grade as Dutch reports write it: "5,4", "6", "6,75".</summary>
    public static string Format(int hundredths) =>
        (hundredths / 100m).ToString(hundredths % 10 == 0 ? "0.#" : "0.00", CultureInfo.GetCultureInfo("nl-NL"));
}
