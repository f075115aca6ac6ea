using Driehoek.Web.Infrastructure.Jobs;

namespace Driehoek.Web.Features.Handover;

public static class HandoverSetup
{
    public static IServiceCollection AddHandover(this IServiceCollection services)
    {
        services.AddScoped<HandoverAccess>();
        services.AddScoped<CompileHandover>();
        services.AddScoped<ReviewHandover>();
        services.AddScoped<HandoverNotice>();
        services.AddScoped<GetHandover>();
        services.AddScoped<GetHandovers>();
        services.AddScoped<GetFamilyHandover>();
        services.AddScoped<AddFamilyLine>();
        services.AddScoped<SaveHandoverSettings>();
        services.AddScoped<HandoverDrafts>();
        services.AddScoped<Rollover.IYearRolledOver>(sp => sp.GetRequiredService<HandoverDrafts>());
        services.AddScoped<Rounds.IRoundPublication>(sp => sp.GetRequiredService<HandoverDrafts>());
        services.AddJob<HandoverDraftJob>(HandoverDraftJob.Kind);
        return services;
    }
}
