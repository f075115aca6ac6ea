using Driehoek.Scheduling.Bench.Baselines;
using Driehoek.Scheduling.Bench.Generation;
using Driehoek.Scheduling.Checking;
using Driehoek.Scheduling.Json;
using Driehoek.Scheduling.Validation;

namespace Driehoek.Scheduling.Tests;

public class GeneratorTests
{
    [Fact]
    public void Generator_gives_the_same_instance_for_the_same_seed_and_a_different_one_for_another()
    {
        var tier = TierSpec.Find("secondary-400");

        var a = InstanceJson.Serialize(InstanceGenerator.Generate(tier, Variant.Fragmented, 4));
        var b = InstanceJson.Serialize(InstanceGenerator.Generate(tier, Variant.Fragmented, 4));
        var c = InstanceJson.Serialize(InstanceGenerator.Generate(tier, Variant.Fragmented, 5));

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Every_tier_and_variant_generates_a_valid_realistic_instance()
    {
        foreach (var tier in TierSpec.All)
        {
            foreach (var variant in Enum.GetValues<Variant>())
            {
                var instance = InstanceGenerator.Generate(tier, variant, 1);
                Assert.Empty(InstanceValidator.Validate(instance));
                var requests = instance.Families.SelectMany(f => f.Requests).ToList();
                var perFamily = (double)requests.Count / instance.Families.Count;
                if (tier.Type == SchoolType.Primary)
                {
                    Assert.All(requests, r => Assert.Equal(r.Length == 2 ? 2 : 1, r.Priority));
                    Assert.InRange(perFamily, 1.1, 1.6);
                }
                else
                {
                    Assert.Contains(requests, r => r.Priority == 3);
                    Assert.InRange(requests.Count, tier.Pupils, 1.7 * tier.Pupils);
                }
            }
        }
    }

    [Fact]
    public void Baselines_produce_feasible_schedules()
    {
        var instance = InstanceGenerator.Generate(TierSpec.Find("primary-226"), Variant.Tight, 1);

        Assert.True(SolutionChecker.Check(instance, SequentialGreedy.Solve(instance)).IsFeasible);
        Assert.True(SolutionChecker.Check(instance, SelfBooking.Solve(instance, 1)).IsFeasible);
    }
}
