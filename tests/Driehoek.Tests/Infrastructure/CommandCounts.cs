using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Driehoek.Tests.Infrastructure;

/// <summary>
/// Counts the database commands EF Core runs for requests that carry the <see cref="Header"/> header, per
/// header value: what one request costs in round trips, independent of CPU and of other tests running at the
/// same time (the request's own HttpContext decides; background work such as the outbox is not counted).
/// </summary>
public sealed class CommandCounts : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    public const string Header = "X-Test-Count-Commands";
    private const string CommandExecuted = "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuted";
    private static readonly HttpContextAccessor Current = new();
    private static readonly Lazy<CommandCounts> Shared = new(() =>
    {
        var counts = new CommandCounts();
        DiagnosticListener.AllListeners.Subscribe(counts);
        return counts;
    });

    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _commands = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<DiagnosticListener, IDisposable> _listeners = new();

    public static CommandCounts Instance => Shared.Value;

    /// <summary>A new tag to send in the header; its count starts at zero.</summary>
    public static string NewTag() => Guid.NewGuid().ToString("N");

    public int Of(string tag) => _commands.TryGetValue(tag, out var list) ? list.Count : 0;

    /// <summary>The commands' text, one per line, for the failure message.</summary>
    public string Texts(string tag) => _commands.TryGetValue(tag, out var list) ? string.Join(Environment.NewLine + "---" + Environment.NewLine, list) : "";

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
    {
        if (value.Name == "Microsoft.EntityFrameworkCore")
        {
            _listeners.GetOrAdd(value, l => l.Subscribe(this, name => name == CommandExecuted));
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == CommandExecuted && Current.HttpContext?.Request.Headers[Header] is { Count: > 0 } tag)
        {
            var text = value.Value is Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData e ? e.Command.CommandText : "?";
            _commands.GetOrAdd(tag.ToString(), _ => new ConcurrentQueue<string>()).Enqueue(text);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }
}
