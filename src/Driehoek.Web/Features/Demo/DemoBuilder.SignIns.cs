using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.Demo;

/// <summary>
/// The families behind the demo's parent sign-ins other than "ouder": separated parents (two households),
/// a parent without parental authority, and an Arabic-speaking parent. What they booked or asked for is
/// fixed, not random, so each sign-in shows the same thing every time.
/// </summary>
internal sealed partial class DemoBuilder
{
    /// <summary>Children whose bookings and requests are set by hand (the sign-ins' children): the random passes leave them alone.</summary>
    private readonly HashSet<Guid> _scripted = [];

    private (DemoFamily Family, Student Older, Student Younger) _separated;
    private (DemoFamily Family, Student Primary, Student Secondary) _arabic;

    private void AddSignInFamilies(List<(School School, Group Group)> seats, School primary, List<Group> primaryGroups,
        School secondary, List<Group> secondaryGroups)
    {
        Group InPrimary(string name) => primaryGroups.Single(g => g.Name == name);

        // Separated parents, each with a household and parental authority: Sanne (moeder) and Mark (vader).
        var separated = NewFamily(new Background("nl", DemoNames.DutchFirst, []), (null, "Bakker"), separated: true);
        SignIn(separated.Guardians[0], "moeder", "Sanne");
        SignIn(separated.Guardians[1], "vader", "Mark");
        var finn = TakeSeat(seats, primary, InPrimary("Groep 7"), separated, "Finn", secondAuthority: true);
        var lotte = TakeSeat(seats, primary, InPrimary("Groep 3"), separated, "Lotte", secondAuthority: true);
        _separated = (separated, finn, lotte);

        // Dennis lives apart from Noor and has no parental authority; her mother has no account in the demo.
        var limited = NewFamily(new Background("nl", DemoNames.DutchFirst, []), ("van", "Dijk"), separated: true);
        limited.Guardians[0].FirstName = "Esther";
        SignIn(limited.Guardians[1], "zonder-gezag", "Dennis");
        var noor = TakeSeat(seats, primary, InPrimary("Groep 6"), limited, "Noor", secondAuthority: false);

        // Yasmina reads Arabic: her pages, e-mails and the interpreter she asks for.
        var arabic = NewFamily(new Background("ar", DemoNames.ArabicFirst, DemoNames.ArabicLast), (null, "El Amrani"), separated: false);
        arabic.Guardians[0].PreferredLanguage = "ar";
        SignIn(arabic.Guardians[0], "arabisch", "Yasmina");
        _users["arabisch"].PreferredLanguage = "ar";
        var adam = TakeSeat(seats, primary, InPrimary("Groep 4"), arabic, "Adam");
        var salma = TakeSeat(seats, secondary, secondaryGroups.Single(g => g.Name == "1C"), arabic, "Salma");
        _arabic = (arabic, adam, salma);

        _scripted.UnionWith([finn.Id, lotte.Id, noor.Id, adam.Id, salma.Id]);
    }

    /// <summary>The guardian gets the demo account (and its e-mail), and the account the guardian's name.</summary>
    private void SignIn(Guardian guardian, string account, string firstName)
    {
        var user = _users[account];
        guardian.FirstName = firstName;
        guardian.UserId = user.Id;
        guardian.Email = user.Email;
        user.DisplayName = $"{guardian.FullName} (demo)";
    }
}
