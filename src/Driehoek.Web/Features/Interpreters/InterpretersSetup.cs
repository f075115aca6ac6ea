namespace Driehoek.Web.Features.Interpreters;

public static class InterpretersSetup
{
    public static IServiceCollection AddInterpreters(this IServiceCollection services)
    {
        services.AddScoped<GetInterpreters>();
        services.AddScoped<ArrangeInterpreters>();
        services.AddScoped<InterpreterNotice>();
        return services;
    }
}
