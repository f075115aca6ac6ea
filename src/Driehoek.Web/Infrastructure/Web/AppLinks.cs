namespace Driehoek.Web.Infrastructure.Web;

/// <summary>
/// The app's own address for links that leave it (e-mails, letters, calendar files): <c>App:BaseUrl</c>, or
/// the address <c>dotnet run</c> serves on.
/// </summary>
public static class AppLinks
{
    public const string DefaultBaseUrl = "http://localhost:5000";

    public static string BaseUrl(IConfiguration config) => (config["App:BaseUrl"] ?? DefaultBaseUrl).TrimEnd('/');

    /// <summary>The account page: where a person with a login manages what the app sends them (List-Unsubscribe).</summary>
    public static string Account(IConfiguration config) => BaseUrl(config) + "/account";
}
