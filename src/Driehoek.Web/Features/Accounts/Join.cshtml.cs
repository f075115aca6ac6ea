using System.Globalization;
using Driehoek.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Accounts;

[AllowAnonymous]
[AllowBeforeTwoFactor]
[EnableRateLimiting(WebSetup.SignInRateLimit)]
[AccessRule(Resource.Public)]
public sealed class JoinModel(AcceptAccountInvitation handler, SignInManager<AppUser> signIn, IStringLocalizer<AccountsText> text)
    : PageModel
{
    [BindProperty(SupportsGet = true)] public string Token { get; set; } = "";
    // An empty field binds as null; Identity then says the password is too short, or not the account's.
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }
    [BindProperty] public string Language { get; set; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public AccountInvitationInfo Info { get; private set; } = null!;

    /// <summary>Whether the page speaks the language the school has on file for this person (and says so).</summary>
    public bool InLanguageOnFile => Info.LanguageOnFile == CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Info = await handler.LookupAsync(Token, ct);
        // The language on file beats the browser's (a parent's phone is often set to Dutch or English);
        // a language the person picked themselves (the links on this page, the language page) beats both.
        if (Info.State == AccountInvitationState.Valid && Info.LanguageOnFile is { } onFile && !InLanguageOnFile
            && HttpContext.Features.Get<IRequestCultureFeature>()?.Provider is null or AcceptLanguageHeaderRequestCultureProvider)
        {
            return Redirect(LanguagePath(onFile));
        }
        return StatusFor(Info);
    }

    public string LanguagePath(string culture) => $"/join/{Uri.EscapeDataString(Token)}?lang={culture}";

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Info = await handler.LookupAsync(Token, ct);
        if (Info.State != AccountInvitationState.Valid)
        {
            return StatusFor(Info);
        }
        if (!Info.HasAccount && (Password ?? "") != (ConfirmPassword ?? ""))
        {
            ModelState.AddModelError(nameof(ConfirmPassword), text["Join.PasswordsDiffer"]);
            return Page();
        }
        var result = await handler.HandleAsync(new AcceptAccountInvitationCommand(Token, Password ?? "", Cultures.Normalize(Language)), ct);
        if (!result.Ok)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Field, error.Key.StartsWith("Join.", StringComparison.Ordinal)
                    ? text[error.Key]
                    : PasswordErrors.Describe(new IdentityError { Code = error.Key }, text));
            }
            Info = await handler.LookupAsync(Token, ct);
            return Page();
        }
        await signIn.SignInAsync(result.Value!, isPersistent: false);
        Cultures.SetCookie(Response, result.Value!.PreferredLanguage);
        return LocalRedirect("/");
    }

    // A dead link is a 404 or 410 for crawlers and scripts; the page still explains it to people.
    private PageResult StatusFor(AccountInvitationInfo info)
    {
        Response.StatusCode = info.State switch
        {
            AccountInvitationState.Unknown => StatusCodes.Status404NotFound,
            AccountInvitationState.Expired or AccountInvitationState.Used => StatusCodes.Status410Gone,
            _ => StatusCodes.Status200OK,
        };
        return Page();
    }
}
