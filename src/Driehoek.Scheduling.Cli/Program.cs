namespace Driehoek.Scheduling.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        // The first Ctrl+C ends the search and the best schedule so far is still written; a second one ends the process.
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = !cancel.IsCancellationRequested;
            cancel.Cancel();
        };
        return CliApp.Run(args, Console.Out, Console.Error, cancel.Token);
    }
}
