using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Driehoek.Tests.Infrastructure;

/// <summary>
/// Records every string a page asked for that the resources lack, so the page tour fails on a
/// missing translation instead of showing a key to a parent.
/// </summary>
public sealed class MissingResources
{
    private readonly ConcurrentDictionary<string, byte> _missing = new();

    public IReadOnlyCollection<string> All => _missing.Keys.Order().ToList();

    public void Clear() => _missing.Clear();

    internal void Add(string what) => _missing.TryAdd(what, 0);

    public static void Register(IServiceCollection services, MissingResources sink)
    {
        var original = services.Single(d => d.ServiceType == typeof(IStringLocalizerFactory));
        services.Remove(original);
        services.AddSingleton<IStringLocalizerFactory>(sp =>
        {
            var inner = original.ImplementationType is { } type
                ? (IStringLocalizerFactory)ActivatorUtilities.CreateInstance(sp, type)
                : (IStringLocalizerFactory)original.ImplementationFactory!(sp);
            return new Factory(inner, sink);
        });
    }

    private sealed class Factory(IStringLocalizerFactory inner, MissingResources sink) : IStringLocalizerFactory
    {
        public IStringLocalizer Create(Type resourceSource) => new Localizer(inner.Create(resourceSource), resourceSource.Name, sink);

        public IStringLocalizer Create(string baseName, string location) => new Localizer(inner.Create(baseName, location), baseName, sink);
    }

    private sealed class Localizer(IStringLocalizer inner, string set, MissingResources sink) : IStringLocalizer
    {
        public LocalizedString this[string name] => Check(inner[name]);

        public LocalizedString this[string name, params object[] arguments] => Check(inner[name, arguments]);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);

        private LocalizedString Check(LocalizedString s)
        {
            if (s.ResourceNotFound)
            {
                sink.Add($"{set}:{s.Name} ({System.Globalization.CultureInfo.CurrentUICulture.Name})");
            }
            return s;
        }
    }
}
