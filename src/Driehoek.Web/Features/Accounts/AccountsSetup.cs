using Driehoek.Web.Infrastructure.Jobs;

namespace Driehoek.Web.Features.Accounts;

public static class AccountsSetup
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<GetAccountInvitations>();
        services.AddScoped<SendAccountInvitations>();
        services.AddScoped<GetAccountInvitationRun>();
        services.AddJob<AccountInvitationJob>(AccountInvitationJob.Kind);
        services.AddScoped<AcceptAccountInvitation>();
        return services;
    }

    public static void MapAccountsApi(this RouteGroupBuilder api)
    {
        // Accounts are made and used through the pages (forms with antiforgery); the API has no
        // password endpoints on purpose.
    }
}
