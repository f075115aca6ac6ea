using Driehoek.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Accounts;

[AllowAnonymous]
[EnableRateLimiting(WebSetup.SignInRateLimit)]
public sealed class SignInModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, IStringLocalizer<AccountsText> text)
    : PageModel
{
    [BindProperty] public string Email { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty] public bool RememberMe { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = string.IsNullOrWhiteSpace(Email) ? null : await users.FindByEmailAsync(Email.Trim());
        if (user is null || string.IsNullOrEmpty(Password))
        {
            // Same answer for an unknown address: the form does not tell who has an account.
            ModelState.AddModelError("", text["SignIn.Failed"]);
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Password, RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            Cultures.SetCookie(Response, user.PreferredLanguage);
            return LocalRedirect(SafeReturnUrl());
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("TwoFactor", new { ReturnUrl = SafeReturnUrl(), RememberMe });
        }
        ModelState.AddModelError("", result.IsLockedOut ? text["SignIn.LockedOut"] : text["SignIn.Failed"]);
        return Page();
    }

    private string SafeReturnUrl() => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
}
