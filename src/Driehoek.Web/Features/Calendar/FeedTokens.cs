namespace Driehoek.Web.Features.Calendar;

/// <summary>The address of a calendar feed; its secret comes from <see cref="SecretTokens"/>.</summary>
public static class FeedTokens
{
    /// <summary>The address a calendar app subscribes to; the app's own base address when one is configured.</summary>
    public static string Address(HttpRequest request, IConfiguration config, string token)
    {
        var root = config["App:BaseUrl"] is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : $"{request.Scheme}://{request.Host}{request.PathBase}";
        return $"{root}/calendar/{token}.ics";
    }
}
