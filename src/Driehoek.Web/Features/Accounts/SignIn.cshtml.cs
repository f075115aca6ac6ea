using Driehoek.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Accounts;

[AllowAnonymous]
[AllowBeforeTwoFactor]
[EnableRateLimiting(WebSetup.SignInRateLimit)]
[AccessRule(Resource.Public)]
public sealed class SignInModel(
    SignInManager<AppUser> signIn, UserManager<AppUser> users, IPasswordHasher<AppUser> hasher, SignInThrottle throttle, IStringLocalizer<AccountsText> text)
    : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public bool RememberMe { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var email = (Email ?? "").Trim();
        if (throttle.WaitFor(email) is { } wait)
        {
            ModelState.AddModelError("", text["SignIn.Wait", (int)Math.Ceiling(wait.TotalSeconds)]);
            return Page();
        }
        // No account has an address longer than the column holds: such input is not looked up.
        var user = email.Length is 0 or > SignInThrottle.MaxEmailLength ? null : await users.FindByEmailAsync(email);
        if (user is null || string.IsNullOrEmpty(Password))
        {
            // Same answer and the same work (one password hash) for an unknown address: neither the words
            // nor the time tell who has an account.
            hasher.VerifyHashedPassword(SignInThrottle.Nobody, throttle.UnknownUserHash(hasher), Password ?? "");
            return Failed(email);
        }

        var result = await signIn.PasswordSignInAsync(user, Password, RememberMe, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            throttle.Succeeded(email);
            Cultures.SetCookie(Response, user.PreferredLanguage);
            return LocalRedirect(SafeReturnUrl());
        }
        if (result.RequiresTwoFactor)
        {
            throttle.Succeeded(email);
            return RedirectToPage("TwoFactor", new { ReturnUrl = SafeReturnUrl(), RememberMe });
        }
        return Failed(email);
    }

    private PageResult Failed(string email)
    {
        throttle.Failed(email);
        ModelState.AddModelError("", text["SignIn.Failed"]);
        return Page();
    }

    private string SafeReturnUrl() => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
}
