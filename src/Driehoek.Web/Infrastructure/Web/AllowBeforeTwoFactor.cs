namespace Driehoek.Web.Infrastructure.Web;

/// <summary>
/// An endpoint a signed-in user may reach before they have completed the second sign-in step their role
/// requires: signing in and out, setting up the authenticator, the language, error pages, static files.
/// Everything else waits until the second step is done.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AllowBeforeTwoFactorAttribute : Attribute;
