using System.Threading.RateLimiting;
using Driehoek.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Driehoek.Web.Infrastructure.Web;

public static class WebSetup
{
    public const string SignInRateLimit = "sign-in";

    public static IServiceCollection AddDriehoekWeb(this IServiceCollection services)
    {
        // Validation happens in the use cases, worded in the user's language; not MVC's English defaults.
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true);
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.ConfigureFilter(new UnhandledRequests());
            })
            .AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
            .AddDataAnnotationsLocalization();
        services.AddOpenApi();
        services.AddProblemDetails();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>(TrustedProxies.Configure);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Per client address: slows password guessing across many accounts; lockout guards each account.
            // Only attempts count: a school behind one address must not be locked out by pupils opening the page.
            o.AddPolicy(SignInRateLimit, ctx => !HttpMethods.IsPost(ctx.Request.Method)
                ? RateLimitPartition.GetNoLimiter("views")
                : RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = ctx.RequestServices.GetRequiredService<IConfiguration>().GetValue("RateLimits:SignInPerMinute", 30),
                    Window = TimeSpan.FromMinutes(1),
                }));
        });
        return services;
    }

    /// <param name="afterAuthentication">the features' own gates that need the signed-in user (Infrastructure names no feature)</param>
    public static WebApplication UseDriehoekWeb(this WebApplication app, Action<IApplicationBuilder>? afterAuthentication = null)
    {
        app.UseForwardedHeaders();
        // The JSON API answers every error as problem details; people get the error page in their language.
        static bool IsApi(HttpContext c) => c.Request.Path.StartsWithSegments("/api");
        if (!app.Environment.IsDevelopment())
        {
            app.UseWhen(c => !IsApi(c), b => b.UseExceptionHandler("/error"));
            app.UseWhen(IsApi, b => b.UseExceptionHandler());
            app.UseHsts();
        }
        app.UseWhen(c => !IsApi(c), b => b.UseStatusCodePagesWithReExecute("/error", "?status={0}"));
        app.UseWhen(IsApi, b => b.UseStatusCodePages());
        app.UseMiddleware<SameOriginApiWrites>();
        app.UseMiddleware<SecurityHeaders>();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        afterAuthentication?.Invoke(app);
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    /// <param name="mapApis">maps the features' JSON endpoints under /api/v1 (the features are not Infrastructure's to know)</param>
    public static WebApplication MapDriehoekEndpoints(this WebApplication app, Action<IEndpointRouteBuilder, RouteGroupBuilder> mapApis)
    {
        var beforeTwoFactor = new AllowBeforeTwoFactorAttribute();
        app.MapStaticAssets().AllowAnonymous().WithMetadata(PlatformEndpoint.Instance, beforeTwoFactor);
        app.MapRazorPages().WithStaticAssets();
        app.MapOpenApi().AllowAnonymous().WithMetadata(PlatformEndpoint.Instance, beforeTwoFactor);
        app.MapHealthChecks("/healthz", new HealthCheckOptions()).AllowAnonymous().WithMetadata(PlatformEndpoint.Instance, beforeTwoFactor);
        mapApis(app, app.MapGroup("/api/v1").WithTags("Driehoek"));
        // An unknown address is a friendly 404 for everyone, not a sign-in prompt.
        app.MapFallback(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }).AllowAnonymous().ExcludeFromDescription().WithMetadata(PlatformEndpoint.Instance, beforeTwoFactor);
        return app;
    }
}

/// <summary>
/// Marks the platform's own endpoints (static files, the OpenAPI document, health, the not-found fallback):
/// open to anyone and holding no one's data. Every other endpoint names its resource in the access matrix.
/// </summary>
public sealed class PlatformEndpoint
{
    public static readonly PlatformEndpoint Instance = new();

    private PlatformEndpoint()
    {
    }
}

internal sealed class DatabaseHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        await db.Database.CanConnectAsync(ct)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database cannot be reached.");
}

/// <summary>Headers that make injected markup and framing useless; the pages need no inline script.</summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy =
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; " +
            "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        return next(context);
    }
}
