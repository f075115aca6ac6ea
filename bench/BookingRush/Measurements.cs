using System.Collections.Concurrent;

namespace Driehoek.BookingRush;

/// <summary>What the virtual families saw, collected from all of them at once.</summary>
public sealed class Measurements
{
    private readonly ConcurrentQueue<double> _posts = new();
    private readonly ConcurrentQueue<double> _gets = new();
    private readonly ConcurrentDictionary<string, int> _errors = new();
    private int _booked;
    private int _lostRaces;
    private int _gaveUp;

    public int Booked => _booked;
    public int LostRaces => _lostRaces;
    /// <summary>Meetings a family could not get within its retries (no free time left that fits).</summary>
    public int GaveUp => _gaveUp;
    public int Errors => _errors.Values.Sum();
    public IReadOnlyDictionary<string, int> ErrorsByKind => _errors;
    public IReadOnlyCollection<double> PostMilliseconds => _posts;
    public IReadOnlyCollection<double> GetMilliseconds => _gets;

    public void Post(double ms) => _posts.Enqueue(ms);
    public void Get(double ms) => _gets.Enqueue(ms);
    public void BookedOne() => Interlocked.Increment(ref _booked);
    public void LostRace() => Interlocked.Increment(ref _lostRaces);
    public void GaveUpOne() => Interlocked.Increment(ref _gaveUp);
    public void Error(string kind) => _errors.AddOrUpdate(kind, 1, (_, n) => n + 1);

    public static double Percentile(IReadOnlyCollection<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
