namespace Driehoek.BookingRush;

/// <summary>
/// The whole machine's CPU from /proc/stat: the app is only one of the processes the rush keeps busy (the
/// clients run in it too, and PostgreSQL's backends run beside it), so "the app used 40 %" alone cannot say
/// whether something waits or the machine is full.
/// </summary>
public readonly record struct MachineCpu(long Busy, long Total)
{
    public static MachineCpu Now()
    {
        if (!File.Exists("/proc/stat"))
        {
            return default;
        }
        // cpu  user nice system idle iowait irq softirq steal guest guest_nice
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(long.Parse).ToArray();
        var total = fields.Sum();
        return new MachineCpu(total - fields[3] - fields[4], total);
    }

    /// <summary>The share of all cores that was busy since <paramref name="before"/> (0 when /proc is not there).</summary>
    public double BusySince(MachineCpu before) => Total == before.Total ? 0 : (double)(Busy - before.Busy) / (Total - before.Total);
}
