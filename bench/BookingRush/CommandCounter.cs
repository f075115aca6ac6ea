using System.Diagnostics;

namespace Driehoek.BookingRush;

/// <summary>Counts the app's database commands (EF Core's diagnostic events) while it is switched on: how many round trips a booking costs.</summary>
public sealed class CommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private const string CommandExecuted = "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuted";
    private readonly IDisposable _subscription;
    private readonly List<IDisposable> _listeners = [];
    private long _count;

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
        }
    }

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
