using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Driehoek.Web.Features.Shared;

[AllowAnonymous]
[AllowBeforeTwoFactor]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[AccessRule(Resource.Public)]
public sealed class ErrorModel : PageModel
{
    public string TitleKey { get; private set; } = "Error.Title";
    public string TextKey { get; private set; } = "Error.Text";

    public void OnGet(int? status) => Describe(status);

    public void OnPost(int? status) => Describe(status);

    private void Describe(int? status)
    {
        // Re-executed for a status code, the response keeps the original one; the exception handler sets 500
        // itself. Opened directly, the address only chooses the words: no query string answers with a 5xx.
        if (status is >= 400 and < 500 && HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            Response.StatusCode = status.Value;
        }
        (TitleKey, TextKey) = status switch
        {
            404 => ("Error.NotFoundTitle", "Error.NotFoundText"),
            403 => ("Error.ForbiddenTitle", "Error.ForbiddenText"),
            429 => ("Error.TooManyTitle", "Error.TooManyText"),
            413 => ("Error.TooLargeTitle", "Error.TooLargeText"),
            400 => ("Error.BadRequestTitle", "Error.BadRequestText"),
            _ => ("Error.Title", "Error.Text"),
        };
    }
}
