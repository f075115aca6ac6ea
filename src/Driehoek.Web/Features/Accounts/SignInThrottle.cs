using System.Collections.Concurrent;

namespace Driehoek.Web.Features.Accounts;

/// <summary>
/// Slows down password guessing without giving anyone a way to lock a teacher out. Failed attempts are
/// counted per e-mail address, whether or not it has an account (so the answer tells nothing); past a few
/// free tries each new failure doubles the wait before the next try, capped low: a stranger who knows a
/// teacher's address can delay the teacher by seconds, never the evening. Per client address the sign-in
/// rate limit (WebSetup) counts attempts. A success clears the count. Counts live in each instance's
/// memory: with several instances a guesser gets a few more tries, not more speed.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    /// <summary>Stands in for the account an unknown address does not have.</summary>
    public static readonly AppUser Nobody = new() { DisplayName = "" };

    private string? _unknownUserHash;

    /// <summary>
    /// A hash of a random password, made once with the app's own hasher, so that checking a password for an
    /// unknown address costs what checking a real one costs.
    /// </summary>
    public string UnknownUserHash(Microsoft.AspNetCore.Identity.IPasswordHasher<AppUser> hasher) =>
        LazyInitializer.EnsureInitialized(ref _unknownUserHash,
            () => hasher.HashPassword(Nobody, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))));

    /// <summary>The longest e-mail address an account can have (Identity's column); longer input is counted under its first this many characters.</summary>
    public const int MaxEmailLength = 256;

    private const int FreeFailures = 4;
    private static readonly TimeSpan Forget = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<string, Failures> _failures = new();

    private sealed record Failures(int Count, DateTimeOffset Last, DateTimeOffset NotBefore);

    /// <summary>How long this e-mail address must wait before the next try; null when it may try now.</summary>
    public TimeSpan? WaitFor(string email)
    {
        var now = clock.GetUtcNow();
        return _failures.TryGetValue(Key(email), out var f) && now - f.Last < Forget && f.NotBefore > now ? f.NotBefore - now : null;
    }

    public void Failed(string email)
    {
        var now = clock.GetUtcNow();
        if (_failures.Count > MaxEntries)
        {
            foreach (var stale in _failures.Where(f => now - f.Value.Last >= Forget).Select(f => f.Key).ToList())
            {
                _failures.TryRemove(stale, out _);
            }
        }
        _failures.AddOrUpdate(Key(email),
            _ => new Failures(1, now, now),
            (_, f) =>
            {
                var count = now - f.Last < Forget ? f.Count + 1 : 1;
                var wait = count <= FreeFailures ? TimeSpan.Zero
                    : TimeSpan.FromSeconds(Math.Min(MaxWait.TotalSeconds, Math.Pow(2, count - FreeFailures)));
                return new Failures(count, now, now + wait);
            });
    }

    public void Succeeded(string email) => _failures.TryRemove(Key(email), out _);

    // Capped, so that a megabyte of "address" per try cannot fill the memory with keys.
    private static string Key(string email)
    {
        var trimmed = email.Trim();
        return (trimmed.Length > MaxEmailLength ? trimmed[..MaxEmailLength] : trimmed).ToUpperInvariant();
    }
}
