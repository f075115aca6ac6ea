using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Driehoek.Tests.Infrastructure;

/// <summary>
/// A minimal SMTP server on a loopback port for the outbox's speed and failure tests: it accepts every
/// message, can take its time before answering (a slow server), and records what arrived. aiosmtpd, which
/// writes a Maildir file per message, would be the bottleneck of a throughput test on two cores.
/// </summary>
public sealed partial class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<Received> _received = new();
    private readonly TimeSpan _delay;
    private readonly Task _accepting;

    public sealed record Received(string MessageId, string To, DateTimeOffset At, string Data);

    private SmtpSink(TimeSpan delay)
    {
        _delay = delay;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <param name="delayPerMessage">How long the server takes after the data before it answers "250".</param>
    public static SmtpSink Start(TimeSpan delayPerMessage = default) => new(delayPerMessage);

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public IReadOnlyList<Received> Messages => _received.ToArray();

    public int DistinctCount => _received.Select(r => r.MessageId).Distinct().Count();

    public async Task<Received> WaitForAsync(Func<Received, bool> match, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (_received.FirstOrDefault(match) is { } found)
            {
                return found;
            }
            await Task.Delay(10);
        }
        throw new TimeoutException($"The SMTP sink received no matching message within {timeout.TotalSeconds} s ({_received.Count} received).");
    }

    public async Task WaitForDistinctAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (DistinctCount < count)
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"The SMTP sink received {DistinctCount} of {count} messages within {timeout.TotalSeconds} s.");
            }
            await Task.Delay(10);
        }
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = Task.Run(() => ServeAsync(client));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var ct = _stop.Token;
        try
        {
            await using var stream = client.GetStream();
            // Latin-1 maps each byte to one char and back, so 8-bit data passes through unchanged.
            using var reader = new StreamReader(stream, Encoding.Latin1);
            await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 sink ESMTP");
            var to = "";
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                    case "HELO":
                        await writer.WriteLineAsync("250 sink");
                        break;
                    case "MAIL":
                        to = "";
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        to = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim().Trim('<', '>');
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 go ahead");
                        if (await ReadDataAsync(reader, ct) is not { } data)
                        {
                            // The sender went away mid-message (killed): like a real server, nothing was accepted.
                            return;
                        }
                        _received.Enqueue(new Received(MessageIdPattern().Match(data).Groups[1].Value, to, DateTimeOffset.UtcNow, data));
                        if (_delay > TimeSpan.Zero)
                        {
                            await Task.Delay(_delay, ct);
                        }
                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 bye");
                        return;
                    case "RSET":
                    case "NOOP":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    default:
                        await writer.WriteLineAsync("502 not implemented");
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away (or was killed).
        }
    }

    /// <summary>The message up to the line with only a dot; null when the connection ends before it.</summary>
    private static async Task<string?> ReadDataAsync(StreamReader reader, CancellationToken ct)
    {
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line == ".")
            {
                return data.ToString();
            }
            data.Append(line.StartsWith("..", StringComparison.Ordinal) ? line[1..] : line).Append("\r\n");
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }

    [GeneratedRegex(@"^Message-ID:\s*<([^>]+)>", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex MessageIdPattern();
}
