using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Driehoek.Web.Features.Contacts;

internal static class RefusedForm
{
    /// <summary>
    /// A refused form is shown again with its errors and answered 400, or 409 when a colleague changed the thing meanwhile,
    /// so no client takes it for a success.
    /// </summary>
    public static IActionResult WithStatus<T>(this PageModel page, IActionResult shown, Result<T> result)
    {
        if (shown is PageResult)
        {
            page.Response.StatusCode = result.Failure == Failure.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        }
        return shown;
    }
}
