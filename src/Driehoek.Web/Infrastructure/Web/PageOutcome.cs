using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Infrastructure.Web;

public static class PageOutcome
{
    /// <summary>
    /// What a page does after a command: not yours → 404; done → redirect (post, redirect, get);
    /// refused → show the page again with the reasons next to the fields.
    /// </summary>
    public static async Task<IActionResult> AfterCommandAsync<T>(this PageModel page, Result<T> result, IStringLocalizer text,
        Func<Task<bool>> reload, string successUrl, Action? onRefused = null)
    {
        if (result.Failure == Failure.NotFound)
        {
            return new NotFoundResult();
        }
        if (result.Ok)
        {
            return new RedirectResult(successUrl);
        }
        if (!await reload())
        {
            return new NotFoundResult();
        }
        result.CopyTo(page.ModelState, text);
        onRefused?.Invoke();
        return new PageResult();
    }
}
