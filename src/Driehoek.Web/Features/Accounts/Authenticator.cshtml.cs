using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using QRCoder;

namespace Driehoek.Web.Features.Accounts;

/// <summary>
/// Turns sign-in with an authenticator app (Identity's built-in TOTP) on, and off again only with a current
/// code or the password: a session left open on a shared computer is not enough to remove the second step.
/// </summary>
[AccessRule(Resource.Account)]
[AllowBeforeTwoFactor]
public sealed class AuthenticatorModel(
    UserManager<AppUser> users, SignInManager<AppUser> signIn, TwoFactorRequirement requirement, IStringLocalizer<AccountsText> text)
    : PageModel
{
    public bool Enabled { get; private set; }
    /// <summary>The user's school or board requires the second step and this sign-in has not had it.</summary>
    public bool Required { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string QrDataUri { get; private set; } = "";
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Confirmation { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string ContinueUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!valid)
        {
            ModelState.AddModelError(nameof(Code), text["TwoFactor.Wrong"]);
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        // Password at sign-in and a valid code now: this session has had both steps (a refresh would keep "pwd").
        await TwoFactorRequirement.ResignInAsync(HttpContext, signIn, user, twoFactor: true);
        Enabled = true;
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var given = (Confirmation ?? "").Trim();
        var code = given.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var confirmed = given.Length > 0
            && (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code)
                || await users.CheckPasswordAsync(user, given));
        if (!confirmed)
        {
            ModelState.AddModelError(nameof(Confirmation), text["Authenticator.ConfirmWrong"]);
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        // Without the second step the session is a password sign-in again; a role that requires it comes back here.
        await TwoFactorRequirement.ResignInAsync(HttpContext, signIn, user, twoFactor: false);
        return RedirectToPage();
    }

    private async Task LoadAsync(AppUser user)
    {
        Enabled = user.TwoFactorEnabled;
        Required = await requirement.PendingAsync(User, HttpContext.RequestAborted);
        if (Enabled)
        {
            return;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        SharedKey = string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        var uri = $"otpauth://totp/Driehoek:{Uri.EscapeDataString(user.Email ?? "")}?secret={key}&issuer=Driehoek&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var svg = new SvgQRCode(data).GetGraphic(4);
        QrDataUri = "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
    }
}
