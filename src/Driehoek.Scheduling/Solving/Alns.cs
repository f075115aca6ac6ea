using System.Diagnostics;

namespace Driehoek.Scheduling.Solving;

/// <summary>The best schedule any worker has found; workers publish to it and adopt it when theirs falls behind.</summary>
internal sealed class SharedBest
{
    private readonly Lock _gate = new();
    private readonly int[] _teacher;
    private readonly int[] _start;

    public SharedBest(Schedule initial)
    {
        _teacher = (int[])initial.Teacher.Clone();
        _start = (int[])initial.Start.Clone();
        Score = initial.Score;
        Version = 1;
    }

    public Score Score { get; private set; }
    public long Version { get; private set; }
    public long LastImprovementTicks { get; private set; } = Stopwatch.GetTimestamp();

    public bool Offer(Schedule s)
    {
        lock (_gate)
        {
            if (!s.Score.IsBetterThan(Score))
            {
                return false;
            }
            Array.Copy(s.Teacher, _teacher, _teacher.Length);
            Array.Copy(s.Start, _start, _start.Length);
            Score = s.Score;
            Version++;
            LastImprovementTicks = Stopwatch.GetTimestamp();
            return true;
        }
    }

    public void CopyTo(Schedule s)
    {
        lock (_gate)
        {
            s.Load(_teacher, _start);
        }
    }
}

/// <summary>When a worker must stop, and how far along the run is (drives the annealing temperature).</summary>
internal sealed class RunLimits(Stopwatch clock, TimeSpan budget, long? maxIterations, CancellationToken token)
{
    public Stopwatch Clock { get; } = clock;
    public TimeSpan Budget { get; } = budget;
    public long? MaxIterations { get; } = maxIterations;
    public CancellationToken Token { get; } = token;
    public volatile bool StopRequested;

    public bool ShouldStop(long iteration) =>
        StopRequested || Token.IsCancellationRequested || Clock.Elapsed >= Budget || iteration >= (MaxIterations ?? long.MaxValue);

    public double Progress(long iteration, TimeSpan startedAt) => MaxIterations is long max
        ? Math.Min(1, (double)iteration / Math.Max(1, max))
        : Math.Min(1, (Clock.Elapsed - startedAt).TotalSeconds / Math.Max(1e-3, (Budget - startedAt).TotalSeconds));
}

/// <summary>
/// One adaptive large neighbourhood search worker: destroy moves pick related families, repair moves put
/// them back at their best positions, simulated annealing decides, and move weights adapt to what pays off.
/// </summary>
internal sealed class AlnsWorker
{
    private const int Segment = 100;
    private const double Reaction = 0.2;
    private static readonly double[] Rewards = [33, 9, 13];

    /// <summary>
    /// In the annealing only (never in what counts as better): a sibling family brought together may cost the
    /// current schedule up to half an extra visit, which opens paths to a schedule that has both.
    /// </summary>
    private const double ApartMinutes = 30;

    /// <summary>Every this many iterations the current schedule tries a <see cref="SiblingSwap"/> for a sibling family apart.</summary>
    private const int SwapEvery = 10;

    private readonly Problem _p;
    private readonly Random _rng;
    private readonly Schedule _current;
    private readonly Schedule _best;
    private readonly Destroyers _destroyers;
    private readonly Repairers _repairers;
    private readonly Ejector _ejector;
    private readonly SiblingSwap _swap;
    private readonly SharedBest _shared;
    private readonly double[] _destroyWeight = Enumerable.Repeat(1.0, Destroyers.Count).ToArray();
    private readonly double[] _repairWeight = Enumerable.Repeat(1.0, Repairers.Count).ToArray();
    private readonly double[] _destroyScore = new double[Destroyers.Count];
    private readonly double[] _repairScore = new double[Repairers.Count];
    private readonly int[] _destroyUses = new int[Destroyers.Count];
    private readonly int[] _repairUses = new int[Repairers.Count];
    private readonly List<int> _removed = [];

    private readonly CancellationToken _token;

    public AlnsWorker(Problem p, Schedule start, SharedBest shared, double[] difficulty, int seed, CancellationToken token = default)
    {
        _token = token;
        _p = p;
        _rng = new Random(seed);
        _current = start.Clone();
        _best = start.Clone();
        _shared = shared;
        var planner = new FamilyPlanner(p);
        _destroyers = new Destroyers(p, _rng);
        _repairers = new Repairers(p, planner, _rng, difficulty, token);
        _ejector = new Ejector(p, _rng);
        _swap = new SiblingSwap(p, _repairers, _ejector);
    }

    public long Iterations { get; private set; }

    /// <param name="onIteration">Called after every iteration with the iteration count (progress and early stop).</param>
    public void Run(RunLimits limits, Action<long>? onIteration)
    {
        if (_p.FamilyCount == 0)
        {
            return;
        }
        var startedAt = limits.Clock.Elapsed;
        var t0 = 0.4 * _p.SlotMinutes;
        var tEnd = 0.02 * _p.SlotMinutes;
        var seenVersion = 0L;
        while (!limits.ShouldStop(Iterations))
        {
            Iterations++;
            var temperature = t0 * Math.Pow(tEnd / t0, limits.Progress(Iterations, startedAt));
            Step(temperature);
            if (Iterations % SwapEvery == 0)
            {
                Swap();
            }
            if (Iterations % Segment == 0)
            {
                UpdateWeights();
                seenVersion = Synchronise(seenVersion);
            }
            onIteration?.Invoke(Iterations);
        }
        _shared.Offer(_best);
    }

    private void Step(double temperature)
    {
        var destroy = Roulette(_destroyWeight);
        var repair = Roulette(_repairWeight);
        var maxK = Math.Clamp(_p.FamilyCount / 8, 4, 40);
        var k = Math.Min(_p.FamilyCount, 2 + _rng.Next(maxK - 1));
        var before = _current.Score;
        _current.BeginRecording();
        _removed.Clear();
        _removed.AddRange(_destroyers.Select(_current, (DestroyMove)destroy, k));
        foreach (var f in _removed)
        {
            _current.RemoveFamily(f);
        }
        var anchor = _destroyers.Anchor;
        _repairers.Repair(_current, _removed, (RepairMove)repair, anchor);
        if (anchor >= 0)
        {
            _removed.Add(anchor);
        }
        if (_current.PlacedPriority < before.Placed || HasUnplaced())
        {
            _ejector.PlaceAll(_current, _removed.SelectMany(f => _p.FamilyRequests[f]).Where(r => !_current.IsPlaced(r)).ToList(), depth: 1, _token);
        }
        if (_token.IsCancellationRequested)
        {
            // A repair cut short leaves families out; the run ends with the best schedule, not this one.
            _current.Rollback();
            return;
        }
        var after = _current.Score;
        var reward = -1;
        if (after.IsBetterThan(_best.Score))
        {
            _current.StopRecording();
            _best.CopyFrom(_current);
            _shared.Offer(_best);
            reward = 0;
        }
        else if (after.IsBetterThan(before))
        {
            _current.StopRecording();
            reward = 1;
        }
        else if (Accept(before, after, temperature))
        {
            _current.StopRecording();
            reward = after == before ? -1 : 2;
        }
        else
        {
            _current.Rollback();
        }
        _destroyUses[destroy]++;
        _repairUses[repair]++;
        if (reward >= 0)
        {
            _destroyScore[destroy] += Rewards[reward];
            _repairScore[repair] += Rewards[reward];
        }
    }

    /// <summary>Outside the annealing: a swap is kept only when the schedule is no worse, so it may become the best.</summary>
    private void Swap()
    {
        if (_current.SiblingsApart > 0 && _swap.TryRandom(_current, _rng) && _current.Score.IsBetterThan(_best.Score))
        {
            _best.CopyFrom(_current);
            _shared.Offer(_best);
        }
    }

    private bool HasUnplaced() => _current.PlacedPriority < _shared.Score.Placed || _removed.Exists(f => _p.FamilyRequests[f].Any(r => !_current.IsPlaced(r)));

    /// <summary>Never accepts lower placement; otherwise annealing on family cost with idle minutes weighted down.</summary>
    private bool Accept(Score before, Score after, double temperature)
    {
        if (after.Placed < before.Placed)
        {
            return false;
        }
        if (!before.IsBetterThan(after))
        {
            return true;
        }
        var delta = after.FamilyCost - before.FamilyCost + ApartMinutes * (after.SiblingsApart - before.SiblingsApart) + (after.Idle - before.Idle) / 20.0;
        return delta <= 0 || _rng.NextDouble() < Math.Exp(-delta / temperature);
    }

    private int Roulette(double[] weights)
    {
        var total = weights.Sum();
        var x = _rng.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }
        return weights.Length - 1;
    }

    private void UpdateWeights()
    {
        Update(_destroyWeight, _destroyScore, _destroyUses);
        Update(_repairWeight, _repairScore, _repairUses);
    }

    private static void Update(double[] weight, double[] score, int[] uses)
    {
        for (var i = 0; i < weight.Length; i++)
        {
            if (uses[i] > 0)
            {
                weight[i] = (1 - Reaction) * weight[i] + Reaction * score[i] / uses[i];
            }
            weight[i] = Math.Max(weight[i], 0.5);
            score[i] = 0;
            uses[i] = 0;
        }
    }

    /// <summary>Adopts the shared best when another worker has found a better schedule.</summary>
    private long Synchronise(long seenVersion)
    {
        if (_shared.Version == seenVersion || !_shared.Score.IsBetterThan(_best.Score))
        {
            return _shared.Version;
        }
        _shared.CopyTo(_best);
        _current.CopyFrom(_best);
        return _shared.Version;
    }
}
