using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Driehoek.Tests.Security;

/// <summary>A form field as model binding reads it: <c>Input.Email</c>, <c>Children[0].Areas</c>, a file.</summary>
internal sealed record FormField(string Name, bool IsFile);

/// <summary>One Razor Pages POST handler: its page's route, the handler name, what the page's GET takes in the query, every form field it binds.</summary>
internal sealed partial record FormHandler(
    string Route, string? Handler, IReadOnlyList<string> RouteValues, IReadOnlyList<string> GetQuery, IReadOnlyList<FormField> Fields)
{
    public override string ToString() => $"POST /{Route}{(Handler is null ? "" : "?handler=" + Handler)}";

    /// <summary>The page's address with <paramref name="values"/> in its route; null when a required value is missing.</summary>
    public string? Url(IReadOnlyDictionary<string, string> values)
    {
        var missing = false;
        var path = RouteParameter().Replace(Route, m =>
        {
            if (values.TryGetValue(m.Groups["name"].Value, out var value))
            {
                return Uri.EscapeDataString(value);
            }
            missing |= !m.Value.Contains('?', StringComparison.Ordinal);
            return "";
        });
        return missing ? null : "/" + path.TrimEnd('/');
    }

    [GeneratedRegex(@"\{\*{0,2}(?<name>\w+)[^}]*\}")]
    private static partial Regex RouteParameter();
}

/// <summary>
/// Finds every POST handler of every Razor page the way the app does: the page endpoints in the app's
/// <see cref="EndpointDataSource"/>, loaded into their compiled descriptors, and the handler parameters and
/// bound properties walked with the app's own model metadata (so nested inputs and lists get the names
/// the binder reads). A new page or handler is found without touching the test.
/// </summary>
internal static class FormHandlers
{
    public static async Task<IReadOnlyList<FormHandler>> DiscoverAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var metadata = services.GetRequiredService<IModelMetadataProvider>();
        var handlers = new List<FormHandler>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } descriptor)
            {
                continue;
            }
            var page = await loader.LoadAsync(descriptor, endpoint.Metadata);
            var routeValues = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToList();
            var get = page.HandlerMethods.Where(h => h.HttpMethod.Equals("Get", StringComparison.OrdinalIgnoreCase) && string.IsNullOrEmpty(h.Name))
                .SelectMany(h => h.Parameters)
                .Where(p => Binds(p.ParameterType, p.BindingInfo) && !routeValues.Contains(p.Name, StringComparer.OrdinalIgnoreCase))
                .Select(p => p.Name).ToList();
            var properties = page.BoundProperties.Where(p => Binds(p.ParameterType, p.BindingInfo))
                .SelectMany(p => Fields(metadata, p.BindingInfo?.BinderModelName ?? p.Name, p.ParameterType, 0));
            foreach (var handler in page.HandlerMethods.Where(h => h.HttpMethod.Equals("Post", StringComparison.OrdinalIgnoreCase)))
            {
                var fields = handler.Parameters.Where(p => Binds(p.ParameterType, p.BindingInfo))
                    .SelectMany(p => Fields(metadata, p.BindingInfo?.BinderModelName ?? p.Name, p.ParameterType, 0))
                    .Concat(properties)
                    .DistinctBy(f => f.Name, StringComparer.OrdinalIgnoreCase).ToList();
                handlers.Add(new FormHandler(endpoint.RoutePattern.RawText!.TrimStart('/'), string.IsNullOrEmpty(handler.Name) ? null : handler.Name,
                    routeValues, get, fields));
            }
        }
        return handlers.DistinctBy(h => h.ToString()).OrderBy(h => h.ToString(), StringComparer.Ordinal).ToList();
    }

    private static bool Binds(Type type, BindingInfo? binding) =>
        type != typeof(CancellationToken)
        && binding?.BindingSource is var source
        && (source is null || !(source == BindingSource.Services || source == BindingSource.Special || source == BindingSource.Header));

    /// <summary>The names a value of <paramref name="type"/> is bound from under <paramref name="prefix"/>.</summary>
    private static IEnumerable<FormField> Fields(IModelMetadataProvider provider, string prefix, Type type, int depth)
    {
        var model = provider.GetMetadataForType(type);
        if (IsFile(model.UnderlyingOrModelType) || model.ElementType is { } e && IsFile(e))
        {
            yield return new FormField(prefix, IsFile: true);
        }
        else if (!model.IsComplexType)
        {
            yield return new FormField(prefix, IsFile: false);
        }
        else if (model.IsEnumerableType && model.ElementMetadata is { } element)
        {
            if (!element.IsComplexType)
            {
                yield return new FormField(prefix, IsFile: false);
            }
            else if (depth < 4)
            {
                foreach (var field in Fields(provider, prefix + "[0]", element.ModelType, depth + 1))
                {
                    yield return field;
                }
            }
        }
        else if (depth < 4)
        {
            foreach (var property in model.Properties.Where(p => !p.IsReadOnly || p.IsEnumerableType))
            {
                foreach (var field in Fields(provider, prefix + "." + property.PropertyName, property.ModelType, depth + 1))
                {
                    yield return field;
                }
            }
        }
    }

    private static bool IsFile(Type type) => typeof(IFormFile).IsAssignableFrom(type) || typeof(IFormFileCollection).IsAssignableFrom(type);
}
