namespace Driehoek.Web.Infrastructure.Web;

/// <summary>
/// The JSON API is signed in with the same cookie as the pages but has no antiforgery token, and SameSite=Lax
/// still lets some cross-site requests carry it. A write to the API that a browser says comes from another
/// origin is refused; clients that send no Origin (scripts, the app's own tests) are not browsers acting for
/// someone else and pass.
/// </summary>
public sealed class SameOriginApiWrites(RequestDelegate next, IConfiguration config, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api") && !IsSafe(request.Method) && FromElsewhere(request))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = 403, Title = "Cross-origin writes are not allowed." },
            });
            return;
        }
        await next(context);
    }

    private static bool IsSafe(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);

    private bool FromElsewhere(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return site is "cross-site" or "same-site";
        }
        var own = $"{request.Scheme}://{request.Host}";
        var configured = new Uri(AppLinks.BaseUrl(config)).GetLeftPart(UriPartial.Authority);
        return !string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)
               && !string.Equals(origin, configured, StringComparison.OrdinalIgnoreCase);
    }
}
