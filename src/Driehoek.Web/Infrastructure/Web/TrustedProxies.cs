using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Driehoek.Web.Infrastructure.Web;

/// <summary>
/// Behind a reverse proxy the client's address and the public scheme (https) arrive in X-Forwarded-For and
/// X-Forwarded-Proto. They are believed only from the proxies a school configures (and loopback): anyone
/// else could claim any address or scheme. With the scheme known, HSTS and secure cookies follow.
/// </summary>
public static class TrustedProxies
{
    public static void Configure(ForwardedHeadersOptions options, IConfiguration config)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        foreach (var value in Values(config, "ForwardedHeaders:KnownProxies"))
        {
            options.KnownProxies.Add(IPAddress.TryParse(value, out var address)
                ? address
                : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: '{value}' is not an IP address."));
        }
        foreach (var value in Values(config, "ForwardedHeaders:KnownNetworks"))
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(value, out var network)
                ? network
                : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks: '{value}' is not a network such as 10.0.0.0/8."));
        }
    }

    /// <summary>A list in one setting ("10.0.0.2, 10.0.0.3") or as an array (KnownProxies:0, KnownProxies:1).</summary>
    private static IEnumerable<string> Values(IConfiguration config, string key) =>
        (config[key] ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(config.GetSection(key).GetChildren().Select(c => c.Value).OfType<string>());
}
