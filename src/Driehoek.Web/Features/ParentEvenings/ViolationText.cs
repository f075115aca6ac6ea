using Driehoek.Scheduling.Checking;
using Driehoek.Web.Features.Rounds;

namespace Driehoek.Web.Features.ParentEvenings;

/// <summary>A broken hard rule in words: what kind of rule (a resource key), who, and the checker's own detail with names.</summary>
public static class ViolationText
{
    public static FieldError From(Violation violation, ScheduleLabels labels) =>
        new("", "Violation." + violation.Rule, labels[violation.Element], labels.Describe(violation.Message));
}
