using System.Globalization;

namespace Driehoek.BookingRush;

/// <summary>The command line: <c>[--provider sqlite|postgres|both] [--families 1000] [--concurrency 64] [--out file.md] [--postgres conn]</c>.</summary>
public sealed record Options(
    IReadOnlyList<Provider> Providers, int Families, int Concurrency, string? Out, string Postgres, int Seed, int SignInParallelism)
{
    public const string DefaultPostgres = "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";

    public static Options Parse(string[] args)
    {
        var providers = new List<Provider> { Provider.Sqlite, Provider.Postgres };
        int families = 1000, concurrency = 64, seed = 1, signIn = 8;
        string? output = null;
        var postgres = Environment.GetEnvironmentVariable("DRIEHOEK_BENCH_POSTGRES") ?? DefaultPostgres;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--provider":
                    providers = ProviderChoice.Parse(value);
                    break;
                case "--families":
                    families = Positive(value, "--families");
                    break;
                case "--concurrency":
                    concurrency = Positive(value, "--concurrency");
                    break;
                case "--sign-in-parallelism":
                    signIn = Positive(value, "--sign-in-parallelism");
                    break;
                case "--seed":
                    seed = Positive(value, "--seed");
                    break;
                case "--out":
                    output = value;
                    break;
                case "--postgres":
                    postgres = value;
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}");
            }
            i++;
        }
        return new Options(providers, families, concurrency, output, postgres, seed, signIn);
    }

    private static int Positive(string value, string name) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} must be a positive whole number");
}
