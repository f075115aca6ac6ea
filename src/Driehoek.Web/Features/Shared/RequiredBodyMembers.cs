using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Shared;

/// <summary>
/// JSON binding lets <c>null</c> (or a missing member) into a property the code declares non-nullable, and
/// the handler then fails on it. Every JSON endpoint's body records are checked here first, nested records
/// and list items too, so such a request gets a 400 problem that names the field instead of a 500.
/// </summary>
internal static class RequiredBodyMembers
{
    private const int MaxDepth = 4;
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> NonNullable = new();

    public static TBuilder RequireDeclaredMembers<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var bodies = factory.MethodInfo.GetParameters().Select((p, i) => (p.ParameterType, i)).Where(p => IsRecord(p.ParameterType))
                .Select(p => p.i).ToArray();
            if (bodies.Length == 0)
            {
                return next;
            }
            return async context =>
            {
                var errors = new Dictionary<string, string[]>();
                foreach (var index in bodies)
                {
                    if (context.Arguments[index] is { } body)
                    {
                        Check(body, "", errors, 0);
                    }
                }
                if (errors.Count == 0)
                {
                    return await next(context);
                }
                var text = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedText>>();
                return TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, _ => new[] { text["Form.ValueRequired"].Value }));
            };
        });

    private static void Check(object value, string path, Dictionary<string, string[]> errors, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }
        foreach (var property in NonNullable.GetOrAdd(value.GetType(), RequiredProperties))
        {
            var name = path + property.Name;
            var member = property.GetValue(value);
            if (member is null)
            {
                errors[name] = [];
            }
            else if (IsRecord(member.GetType()))
            {
                Check(member, name + ".", errors, depth + 1);
            }
            else if (member is IEnumerable items and not string)
            {
                var i = 0;
                foreach (var item in items)
                {
                    if (item is null)
                    {
                        errors[$"{name}[{i}]"] = [];
                    }
                    else if (IsRecord(item.GetType()))
                    {
                        Check(item, $"{name}[{i}].", errors, depth + 1);
                    }
                    i++;
                }
            }
        }
    }

    private static PropertyInfo[] RequiredProperties(Type type)
    {
        var nullability = new NullabilityInfoContext();
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && !p.PropertyType.IsValueType
                        && p.Name != "EqualityContract" && nullability.Create(p).ReadState == NullabilityState.NotNull)
            .ToArray();
    }

    /// <summary>Request bodies are records of this app (services and framework types are not).</summary>
    private static bool IsRecord(Type type) =>
        type.Assembly == typeof(RequiredBodyMembers).Assembly && type.GetMethod("<Clone>$") is not null;
}
