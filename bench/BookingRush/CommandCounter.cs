using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Driehoek.BookingRush;

/// <summary>Counts the app's database commands (EF Core's diagnostic events) while it is switched on: how many round trips a booking costs.</summary>
public sealed partial class CommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private const string CommandExecuted = "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuted";
    private readonly IDisposable _subscription;
    private readonly List<IDisposable> _listeners = [];
    private long _count;
    private readonly ConcurrentDictionary<string, long> _byShape = new(StringComparer.Ordinal);

    public CommandCounter() => _subscription = DiagnosticListener.AllListeners.Subscribe(this);

    public bool On { get; set; }
    public long Count => Interlocked.Read(ref _count);

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == "Microsoft.EntityFrameworkCore")
        {
            lock (_listeners)
            {
                _listeners.Add(value.Subscribe(this, name => name == CommandExecuted));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (On && value.Key == CommandExecuted)
        {
            Interlocked.Increment(ref _count);
            if (value.Value is CommandExecutedEventData data)
            {
                _byShape.AddOrUpdate(Shape(data.Command.CommandText), 1, (_, n) => n + 1);
            }
        }
    }

    /// <summary>The commands counted, grouped by the start of their SQL (parameters and whitespace folded), most frequent first.</summary>
    public IReadOnlyList<(string Shape, long Count)> ByShape(int top) =>
        _byShape.OrderByDescending(p => p.Value).Take(top).Select(p => (p.Key, p.Value)).ToList();

    private static string Shape(string sql)
    {
        var folded = Whitespace().Replace(sql, " ").Trim();
        return folded.Length <= 90 ? folded : folded[..90] + "…";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _subscription.Dispose();
        lock (_listeners)
        {
            _listeners.ForEach(l => l.Dispose());
        }
    }
}
