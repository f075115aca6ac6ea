using System.Text;
using Driehoek.Web.Features.People;

namespace Driehoek.Tests.Infrastructure;

/// <summary>Export files as student-administration systems write them.</summary>
internal static class RosterFiles
{
    public const string StudentHeader =
        "Leerlingnummer;Roepnaam;Tussenvoegsel;Achternaam;Geboortedatum;Groep;Leerjaar;E-mail leerling;" +
        "Ouder 1 roepnaam;Ouder 1 achternaam;Ouder 1 e-mail;Ouder 1 telefoon;Ouder 1 relatie;Ouder 1 gezag;Ouder 1 taal;Ouder 1 postcode;Ouder 1 huisnummer;" +
        "Ouder 2 roepnaam;Ouder 2 achternaam;Ouder 2 e-mail;Ouder 2 telefoon;Ouder 2 relatie;Ouder 2 gezag;Ouder 2 taal;Ouder 2 postcode;Ouder 2 huisnummer";

    /// <summary>Students in <paramref name="groups"/> groups; each has two parents at one address.</summary>
    public static string Students(int count, string tag, int groups = 8)
    {
        var sb = new StringBuilder(StudentHeader).Append('\n');
        for (var i = 1; i <= count; i++)
        {
            var group = $"Groep {(i % groups) + 1}";
            sb.Append($"{tag}{i:00000};Kind{i};;Familie{i};03-04-2016;{group};{(i % groups) % 8 + 1};;")
              .Append($"Ouder{i}a;Familie{i};ouder{i}a.{tag}@test.invalid;0612345678;moeder;ja;nl;1234AB;{i};")
              .Append($"Ouder{i}b;Familie{i};ouder{i}b.{tag}@test.invalid;;vader;ja;tr;1234AB;{i}\n");
        }
        return sb.ToString();
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static byte[] Windows1252(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252).GetBytes(text);
    }
}

/// <summary>What a school leader does with a previewed import.</summary>
internal static class RosterImports
{
    /// <summary>A fresh school and its leader, signed in.</summary>
    public static async Task<(SchoolBuilder School, AppClient Leader)> SchoolWithLeaderAsync(TestApp app)
    {
        var school = await app.World.SchoolAsync();
        var leader = await school.StaffAsync(StaffRole.SchoolLeader);
        return (school, await app.SignInAsync(leader.Email!));
    }

    /// <summary>Presses Verwerken (having confirmed any new groups) and follows the page (it refreshes itself) until the import is done.</summary>
    public static async Task<Page> CommitAsync(AppClient client, Page preview)
    {
        var page = await client.SubmitAsync(preview, new() { ["confirmNewGroups"] = "true" });
        for (var i = 0; i < 300 && page.Find("progress") is not null; i++)
        {
            await Task.Delay(100);
            page = await client.GetAsync(page.Url.PathAndQuery);
        }
        return page;
    }
}
