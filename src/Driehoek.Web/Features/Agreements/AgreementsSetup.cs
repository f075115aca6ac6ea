using Driehoek.Web.Infrastructure.Jobs;

namespace Driehoek.Web.Features.Agreements;

public static class AgreementsSetup
{
    public static IServiceCollection AddAgreements(this IServiceCollection services)
    {
        services.AddScoped<AgreementAccess>();
        services.AddScoped<GetAgreements>();
        services.AddScoped<RecordAgreement>();
        services.AddScoped<EditAgreement>();
        services.AddScoped<RespondToAgreement>();
        services.AddScoped<AgreementNotices>();
        services.AddScoped<SaveAgreementSettings>();
        services.AddScoped<Home.IAgendaSource, OverdueAgenda>();
        services.AddJob<AgreementNoticeJob>(AgreementNoticeJob.Kind, kind =>
        {
            kind.Every = config => TimeSpan.FromSeconds(config.GetValue("Agreements:PollSeconds", 120.0));
            kind.Enabled = config => config.GetValue("Agreements:NoticesEnabled", true);
        });
        return services;
    }
}
