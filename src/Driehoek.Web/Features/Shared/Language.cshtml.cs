using Driehoek.Web.Features.Accounts;
using Driehoek.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Driehoek.Web.Features.Shared;

/// <summary>Picks the interface language; a signed-in user keeps it in their profile for every device.</summary>
[AllowAnonymous]
[AccessRule(Resource.Public)]
[AllowBeforeTwoFactor]
public sealed class LanguageModel(UserManager<AppUser> users) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? culture)
    {
        var chosen = Cultures.Normalize(culture);
        Cultures.SetCookie(Response, chosen);
        if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { } user)
        {
            user.PreferredLanguage = chosen;
            await users.UpdateAsync(user);
        }
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
