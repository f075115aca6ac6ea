using Microsoft.AspNetCore.Http.Extensions;

namespace Driehoek.Web.Features.Rounds;

/// <summary>Links of a paged staff list: this page's address with the page or group changed, everything else kept.</summary>
public static class ListLinks
{
    // A notice ("3 letters marked printed") belongs to the page it was shown on.
    private static readonly string[] Dropped = ["page", "marked", "handler"];

    public static string With(HttpRequest request, string key, string? value)
    {
        var query = new QueryBuilder();
        foreach (var (k, values) in request.Query)
        {
            if (!Dropped.Contains(k, StringComparer.OrdinalIgnoreCase) && !string.Equals(k, key, StringComparison.OrdinalIgnoreCase))
            {
                foreach (var v in values)
                {
                    query.Add(k, v ?? "");
                }
            }
        }
        if (value is not null)
        {
            query.Add(key, value);
        }
        return request.Path + query.ToQueryString();
    }
}
