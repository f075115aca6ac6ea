using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Driehoek.Web.Features.Shared;

public static class SharedSetup
{
    public static IServiceCollection AddShared(this IServiceCollection services) =>
        services.AddSingleton<IConfigureOptions<MvcOptions>, ModelBindingMessages>();
}
