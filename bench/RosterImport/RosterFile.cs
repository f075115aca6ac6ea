using System.Text;

namespace Driehoek.RosterImport;

/// <summary>
/// A student-administration export as a school board writes it: one line per student with both parents'
/// columns. Families have one to three children (spread over the file, as an export sorted by group has
/// them); most have two parents at one address, one in eight are separated (two addresses), one in ten
/// has one parent; home languages are mostly Dutch, then Turkish, Arabic, Polish, English, Ukrainian.
/// </summary>
public static class RosterFile
{
    public const string Header =
        "Leerlingnummer;Roepnaam;Tussenvoegsel;Achternaam;Geboortedatum;Groep;Leerjaar;E-mail leerling;" +
        "Ouder 1 roepnaam;Ouder 1 tussenvoegsel;Ouder 1 achternaam;Ouder 1 e-mail;Ouder 1 telefoon;Ouder 1 relatie;Ouder 1 gezag;Ouder 1 taal;Ouder 1 postcode;Ouder 1 huisnummer;" +
        "Ouder 2 roepnaam;Ouder 2 tussenvoegsel;Ouder 2 achternaam;Ouder 2 e-mail;Ouder 2 telefoon;Ouder 2 relatie;Ouder 2 gezag;Ouder 2 taal;Ouder 2 postcode;Ouder 2 huisnummer";

    private static readonly string[] FirstNames = ["Noah", "Emma", "Liam", "Julia", "Daan", "Mila", "Sem", "Tess", "Yusuf", "Aya", "Mohamed", "Zeynep", "Jan", "Sophie", "Lucas", "Nora"];
    private static readonly string[] LastNames = ["de Vries", "Jansen", "van den Berg", "Bakker", "Yılmaz", "El Amrani", "Kowalski", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Şahin", "Bouzid", "Nowak", "Hendriks"];
    private static readonly string[] Languages = ["nl", "nl", "nl", "nl", "nl", "nl", "nl", "nl", "nl", "nl", "tr", "tr", "ar", "ar", "pl", "en", "uk", "Nederlands"];

    /// <summary>The bytes of a UTF-8 file with <paramref name="students"/> lines (and the number of families).</summary>
    public static (byte[] Bytes, int Families) Students(int students, int seed)
    {
        var random = new Random(seed);
        // Children of one family: 1, 2 or 3, assigned to lines in a shuffled order.
        var familyOf = new List<int>(students);
        var families = 0;
        while (familyOf.Count < students)
        {
            var children = random.Next(10) switch { < 5 => 1, < 9 => 2, _ => 3 };
            for (var c = 0; c < children && familyOf.Count < students; c++)
            {
                familyOf.Add(families);
            }
            families++;
        }
        Shuffle(familyOf, random);

        var groups = Math.Max(8, students / 25);
        var sb = new StringBuilder(students * 300).Append(Header).Append('\n');
        for (var i = 0; i < students; i++)
        {
            var f = familyOf[i];
            var family = new Random(seed * 7919 + f);
            var (prefix, last) = Split(LastNames[family.Next(LastNames.Length)]);
            var group = i * groups / students;
            var level = group % 8 + 1;
            sb.Append($"L{i + 1:D6};{FirstNames[random.Next(FirstNames.Length)]};{prefix};{last};{Birthday(level, random)};")
              .Append($"{level}{(char)('A' + group / 8 % 26)}{group / 208};{level};;");
            // The house number is the family's, so two families never share an address by chance.
            var postcode = $"{1000 + f % 8999}{(char)('A' + f % 26)}{(char)('A' + f / 26 % 26)}";
            var separated = family.Next(8) == 0;
            var single = !separated && family.Next(10) == 0;
            Parent(sb, family, f, "a", prefix, last, "moeder", postcode, $"{f + 1}").Append(';');
            if (single)
            {
                sb.Append(";;;;;;;;;\n");
            }
            else
            {
                Parent(sb, family, f, "b", prefix, last, "vader", separated ? "9999ZZ" : postcode, $"{f + 1}").Append('\n');
            }
        }
        return (Encoding.UTF8.GetBytes(sb.ToString()), families);
    }

    private static StringBuilder Parent(StringBuilder sb, Random family, int f, string which, string prefix, string last, string relation,
        string postcode, string house) =>
        sb.Append($"{FirstNames[family.Next(FirstNames.Length)]};{prefix};{last};ouder{f}{which}@bench.invalid;06{family.Next(10_000_000, 99_999_999)};")
          .Append($"{relation};ja;{Languages[family.Next(Languages.Length)]};{postcode};{house}");

    private static (string Prefix, string Last) Split(string name) =>
        name.LastIndexOf(' ') is var space and > 0 ? (name[..space], name[(space + 1)..]) : ("", name);

    private static string Birthday(int level, Random random) =>
        new DateOnly(2021 - level, 1, 1).AddDays(random.Next(365)).ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private static void Shuffle(List<int> list, Random random)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}
