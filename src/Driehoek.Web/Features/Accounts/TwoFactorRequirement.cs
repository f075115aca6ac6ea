using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Accounts;

/// <summary>
/// A school requires two-step sign-in per staff role (<c>School.TwoFactorRoles</c>) and a board for its admins
/// (<c>Board.TwoFactorForAdmins</c>). Identity marks a sign-in that passed the code with the claim
/// <c>amr</c> = <c>mfa</c> (RFC 8176); a user whose roles require it and whose sign-in lacks it reaches only
/// what <see cref="AllowBeforeTwoFactorAttribute"/> marks, and is sent to set up the authenticator.
/// </summary>
public sealed class TwoFactorRequirement(Access access)
{
    public const string MethodClaim = "amr";
    public const string TwoFactor = "mfa";
    public const string PasswordOnly = "pwd";

    public static bool SignedInWithTwoFactor(ClaimsPrincipal user) => user.HasClaim(MethodClaim, TwoFactor);

    /// <summary>Signed in, without the second step, and one of their roles needs it. Loads the access profile only when it can matter.</summary>
    public async Task<bool> PendingAsync(ClaimsPrincipal user, CancellationToken ct) =>
        user.Identity?.IsAuthenticated == true && !SignedInWithTwoFactor(user)
        && (await access.ProfileAsync(ct)).RequiresTwoFactor;

    /// <summary>
    /// Signs the user in again as having passed the second step (or, after turning it off, as password only),
    /// keeping "stay signed in": whoever just entered a valid code in this session has shown both factors.
    /// </summary>
    public static async Task ResignInAsync(HttpContext context, SignInManager<AppUser> signIn, AppUser user, bool twoFactor)
    {
        var current = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        await signIn.SignInWithClaimsAsync(user, current.Properties, [new Claim(MethodClaim, twoFactor ? TwoFactor : PasswordOnly)]);
    }

    /// <summary>A periodic security-stamp check rebuilds the principal from the user; it keeps how they signed in.</summary>
    public static Task KeepSignInMethod(SecurityStampRefreshingPrincipalContext context)
    {
        var method = context.CurrentPrincipal?.FindFirst(MethodClaim);
        if (method is not null && context.NewPrincipal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == MethodClaim))
        {
            identity.AddClaim(new Claim(MethodClaim, method.Value));
        }
        return Task.CompletedTask;
    }
}

/// <summary>Pages redirect to the authenticator set-up, which explains why; the JSON API answers 403 problem details.</summary>
internal sealed class TwoFactorGate(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, TwoFactorRequirement requirement, IStringLocalizer<AccountsText> text, IProblemDetailsService problems)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<AllowBeforeTwoFactorAttribute>() is not null
            || !await requirement.PendingAsync(context.User, context.RequestAborted))
        {
            await next(context);
            return;
        }
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = 403, Title = text["TwoFactor.RequiredTitle"], Detail = text["TwoFactor.RequiredApi"] },
            });
            return;
        }
        var back = context.Request.Path + context.Request.QueryString;
        context.Response.Redirect("/account/authenticator" + (HttpMethods.IsGet(context.Request.Method) ? "?returnUrl=" + Uri.EscapeDataString(back) : ""));
    }
}

public static class TwoFactorGateExtensions
{
    public static IApplicationBuilder UseTwoFactorRequirement(this IApplicationBuilder app) => app.UseMiddleware<TwoFactorGate>();
}
