using Driehoek.Web.Features;
using Driehoek.Web.Features.Demo;
using Driehoek.Web.Features.Accounts;
using Driehoek.Web.Infrastructure.Data;
using Driehoek.Web.Infrastructure.Jobs;
using Driehoek.Web.Infrastructure.Localization;
using Driehoek.Web.Infrastructure.Outbox;
using Driehoek.Web.Infrastructure.Web;

namespace Driehoek.Web;

public static class DriehoekApp
{
    public static WebApplicationBuilder AddDriehoek(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        if (!builder.Environment.IsDevelopment())
        {
            // One JSON object per line: what log collectors expect.
            builder.Logging.ClearProviders().AddJsonConsole(o => o.IncludeScopes = true);
        }

        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddDatabase();
        services.AddDriehoekIdentity();
        services.AddDriehoekLocalization();
        services.AddOutbox();
        services.AddJobs();
        services.AddFeatures();
        services.AddDriehoekWeb();
        return builder;
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await DatabaseSetup.MigrateAsync(app.Services);
        await DemoSeeder.ApplyAsync(app.Services, app.Configuration, app.Logger);
    }

    public static WebApplication MapDriehoek(this WebApplication app)
    {
        app.UseDriehoekWeb(FeatureRegistration.UseFeatureGates);
        app.MapDriehoekEndpoints(FeatureRegistration.MapFeatureApis);
        return app;
    }
}
