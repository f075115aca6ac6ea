using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Accounts;

[AccessRule(Resource.Account)]
public sealed class AccountModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<AccountsText> text)
    : PageModel
{
    public string DisplayName { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string Language { get; private set; } = "nl";
    public bool TwoFactorEnabled { get; private set; }
    public bool Saved { get; private set; }

    // An empty field binds as null; Identity then says what is wrong (too short, not the current one).
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }

    public async Task<IActionResult> OnGetAsync(bool saved = false)
    {
        Saved = saved;
        return await LoadAsync() ? Page() : Challenge();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var result = await users.ChangePasswordAsync(user, CurrentPassword ?? "", NewPassword ?? "");
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("", PasswordErrors.Describe(error, text));
            }
            await LoadAsync();
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        return RedirectToPage(new { saved = true });
    }

    private async Task<bool> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return false;
        }
        DisplayName = user.DisplayName;
        Email = user.Email ?? "";
        Language = user.PreferredLanguage;
        TwoFactorEnabled = user.TwoFactorEnabled;
        return true;
    }
}

/// <summary>Identity's own error texts are English; these are ours, in the user's language.</summary>
internal static class PasswordErrors
{
    public static string Describe(IdentityError error, IStringLocalizer<AccountsText> text) => error.Code switch
    {
        "PasswordMismatch" => text["Password.Mismatch"],
        "PasswordTooShort" => text["Password.TooShort"],
        "DuplicateEmail" or "DuplicateUserName" => text["Password.EmailTaken"],
        _ => text["Password.Rejected"],
    };
}
