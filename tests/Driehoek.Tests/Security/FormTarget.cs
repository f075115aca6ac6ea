using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.WebUtilities;

namespace Driehoek.Tests.Security;

/// <summary>
/// A handler made reachable: the page opened by the first visitor who may open it, with real ids in its
/// route, and the page's own form for the handler (its action and values) when it shows one.
/// </summary>
internal sealed record FormTarget(FormHandler Handler, Visitor Visitor, IReadOnlyDictionary<string, string> RouteValues, string Action,
    IReadOnlyList<KeyValuePair<string, string>> Baseline, bool PageHasForm)
{
    /// <summary>Opens the handler's page as each visitor with each choice of ids; null when nobody can.</summary>
    public static async Task<FormTarget?> FindAsync(FormHandler handler, FormWorld world, Dictionary<(Visitor, string), Page> opened)
    {
        FormTarget? withoutForm = null;
        foreach (var visitor in world.Visitors)
        {
            foreach (var values in Choices(handler, world.Ids))
            {
                if (handler.Url(values) is not { } path)
                {
                    continue;
                }
                var query = handler.GetQuery.Where(values.ContainsKey).Select(q => $"{q}={Uri.EscapeDataString(values[q])}").ToList();
                var url = path + (query.Count == 0 ? "" : "?" + string.Join('&', query));
                if (!opened.TryGetValue((visitor, url), out var page))
                {
                    opened[(visitor, url)] = page = await visitor.Client.GetAsync(url, follow: false);
                }
                if (page.Status != HttpStatusCode.OK)
                {
                    continue;
                }
                var route = handler.RouteValues.Where(values.ContainsKey).ToDictionary(r => r, r => values[r]);
                if (FormFor(handler, page) is { } form)
                {
                    var baseline = AppClient.FormValues(form).Where(p => p.Key != "__RequestVerificationToken").ToList();
                    return new FormTarget(handler, visitor, route, ActionOf(form, page.Url).PathAndQuery,
                        WithIds(handler, baseline, values, world.Ids), PageHasForm: true);
                }
                withoutForm ??= new FormTarget(handler, visitor, route,
                    url + (handler.Handler is null ? "" : (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + handler.Handler),
                    WithIds(handler, [], values, world.Ids), PageHasForm: false);
            }
        }
        return withoutForm;
    }

    /// <summary>The form's values, and a real id for each field the form leaves out (a page may show the form only later).</summary>
    private static List<KeyValuePair<string, string>> WithIds(FormHandler handler, List<KeyValuePair<string, string>> form,
        Dictionary<string, string> chosen, IReadOnlyDictionary<string, string[]> ids) =>
    [
        .. form,
        .. handler.Fields.Where(f => ids.ContainsKey(f.Name) && !handler.RouteValues.Contains(f.Name, StringComparer.OrdinalIgnoreCase)
                && !form.Any(p => p.Key.Equals(f.Name, StringComparison.OrdinalIgnoreCase)))
            .Select(f => new KeyValuePair<string, string>(f.Name, chosen.GetValueOrDefault(f.Name) ?? ids[f.Name][0])),
    ];

    /// <summary>Every way to fill the route and the page's query from the scenario's ids.</summary>
    private static IEnumerable<Dictionary<string, string>> Choices(FormHandler handler, IReadOnlyDictionary<string, string[]> ids)
    {
        IEnumerable<Dictionary<string, string>> choices = [new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)];
        foreach (var name in handler.RouteValues.Concat(handler.GetQuery).Where(ids.ContainsKey))
        {
            choices = choices.SelectMany(c => ids[name].Select(id => new Dictionary<string, string>(c, StringComparer.OrdinalIgnoreCase) { [name] = id }));
        }
        return choices;
    }

    /// <summary>The page's post form whose action is this page and this handler.</summary>
    private static IHtmlFormElement? FormFor(FormHandler handler, Page page) =>
        page.FindAll("form").OfType<IHtmlFormElement>().FirstOrDefault(f =>
            f.Method.Equals("post", StringComparison.OrdinalIgnoreCase)
            && ActionOf(f, page.Url) is var action
            && action.AbsolutePath.TrimEnd('/').Equals(page.Url.AbsolutePath.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)
            && string.Equals(QueryHelpers.ParseQuery(action.Query).GetValueOrDefault("handler").ToString() is { Length: > 0 } h ? h : null,
                handler.Handler, StringComparison.OrdinalIgnoreCase));

    private static Uri ActionOf(IHtmlFormElement form, Uri page) =>
        form.GetAttribute("action") is { Length: > 0 } action ? new Uri(page, action) : page;
}
