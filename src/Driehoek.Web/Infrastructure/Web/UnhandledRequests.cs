using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Driehoek.Web.Infrastructure.Web;

/// <summary>
/// A page with handlers answers a request none of them takes — a POST to a page that only shows, an unknown
/// <c>?handler=</c> — with 405 or 404. Razor Pages would otherwise render the page without the data its
/// handler loads, and fail.
/// </summary>
internal sealed class UnhandledRequests : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var handlers = context.ActionDescriptor.HandlerMethods;
        if (context.HandlerMethod is null && handlers.Count > 0)
        {
            var method = context.HttpContext.Request.Method;
            context.Result = handlers.Any(h => h.HttpMethod.Equals(method, StringComparison.OrdinalIgnoreCase))
                ? new NotFoundResult()
                : new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
