namespace Driehoek.Scheduling.Bench;

public static class Program
{
    public static int Main(string[] args) => Runner.BenchCommand.Run(args, Console.Out, Console.Error);
}
