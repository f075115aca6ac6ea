using Driehoek.Scheduling.Model;

namespace Driehoek.Scheduling.Validation;

/// <summary>
/// Checks an instance against the format's rules and its own consistency (unknown teachers, slots out of
/// range, duplicate ids, impossible lengths). Every problem is reported, not only the first.
/// </summary>
public static class InstanceValidator
{
    public static IReadOnlyList<InstanceError> Validate(Instance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var errors = new List<InstanceError>();
        if (instance.Schema != Instance.SchemaId)
        {
            errors.Add(new("schema", null, $"expected \"{Instance.SchemaId}\", got \"{instance.Schema}\""));
        }
        if (string.IsNullOrWhiteSpace(instance.Name))
        {
            errors.Add(new("name", null, "the instance needs a name"));
        }
        if (instance.SlotMinutes < 1 || instance.SlotMinutes > 240)
        {
            errors.Add(new("slotMinutes", null, $"must be between 1 and 240 minutes, got {instance.SlotMinutes}"));
        }
        var longestSession = ValidateDays(instance, errors);
        var slotCount = SlotCalendar.From(instance).SlotCount;
        var teacherIds = ValidateTeachers(instance, slotCount, errors);
        ValidateFamilies(instance, slotCount, longestSession, teacherIds, errors);
        return errors;
    }

    private static int ValidateDays(Instance instance, List<InstanceError> errors)
    {
        if (instance.Days is null || instance.Days.Count == 0)
        {
            errors.Add(new("days", null, "at least one day with a session is needed"));
            return 0;
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var longest = 0;
        for (var d = 0; d < instance.Days.Count; d++)
        {
            var day = instance.Days[d];
            var at = $"days[{d}]";
            if (day is null)
            {
                errors.Add(new(at, null, "is null"));
                continue;
            }
            CheckId(day.Id, at, "day", ids, errors);
            if (day.Sessions is null || day.Sessions.Count == 0)
            {
                errors.Add(new(at, day.Id, "has no sessions"));
                continue;
            }
            var previousEnd = -1;
            for (var s = 0; s < day.Sessions.Count; s++)
            {
                var session = day.Sessions[s];
                var sAt = $"{at}.sessions[{s}]";
                if (session is null)
                {
                    errors.Add(new(sAt, day.Id, "is null"));
                    continue;
                }
                if (session.Slots < 1)
                {
                    errors.Add(new(sAt, day.Id, $"slots must be at least 1, got {session.Slots}"));
                }
                longest = Math.Max(longest, session.Slots);
                if (!SlotCalendar.TryParseClock(session.Start, out var start))
                {
                    errors.Add(new(sAt, day.Id, $"start \"{session.Start}\" is not a time of day as HH:mm"));
                    continue;
                }
                var end = start + Math.Max(0, session.Slots) * Math.Max(1, instance.SlotMinutes);
                if (start < previousEnd)
                {
                    errors.Add(new(sAt, day.Id, $"starts at {session.Start}, before the previous session of the day ends ({SlotCalendar.FormatClock(previousEnd)})"));
                }
                if (end > 24 * 60)
                {
                    errors.Add(new(sAt, day.Id, $"runs past midnight ({session.Slots} slots from {session.Start})"));
                }
                previousEnd = end;
            }
        }
        return longest;
    }

    private static HashSet<string> ValidateTeachers(Instance instance, int slotCount, List<InstanceError> errors)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (instance.Teachers is null)
        {
            errors.Add(new("teachers", null, "is missing"));
            return ids;
        }
        for (var t = 0; t < instance.Teachers.Count; t++)
        {
            var teacher = instance.Teachers[t];
            var at = $"teachers[{t}]";
            if (teacher is null)
            {
                errors.Add(new(at, null, "is null"));
                continue;
            }
            CheckId(teacher.Id, at, "teacher", ids, errors);
            CheckSlots(teacher.Available, at, teacher.Id, slotCount, errors);
            if (teacher.MaxConsecutive is < 1)
            {
                errors.Add(new(at, teacher.Id, $"maxConsecutive must be at least 1, got {teacher.MaxConsecutive}"));
            }
        }
        return ids;
    }

    private static void ValidateFamilies(Instance instance, int slotCount, int longestSession, HashSet<string> teacherIds, List<InstanceError> errors)
    {
        if (instance.Families is null)
        {
            errors.Add(new("families", null, "is missing"));
            return;
        }
        var familyIds = new HashSet<string>(StringComparer.Ordinal);
        var requestIds = new HashSet<string>(StringComparer.Ordinal);
        for (var f = 0; f < instance.Families.Count; f++)
        {
            var family = instance.Families[f];
            var at = $"families[{f}]";
            if (family is null)
            {
                errors.Add(new(at, null, "is null"));
                continue;
            }
            CheckId(family.Id, at, "family", familyIds, errors);
            CheckSlots(family.Available, at, family.Id, slotCount, errors);
            if (family.Requests is null)
            {
                errors.Add(new(at, family.Id, "requests is missing"));
                continue;
            }
            for (var r = 0; r < family.Requests.Count; r++)
            {
                ValidateRequest(family.Requests[r], $"{at}.requests[{r}]", longestSession, teacherIds, requestIds, errors);
            }
        }
    }

    private static void ValidateRequest(Request? request, string at, int longestSession, HashSet<string> teacherIds, HashSet<string> requestIds, List<InstanceError> errors)
    {
        if (request is null)
        {
            errors.Add(new(at, null, "is null"));
            return;
        }
        var id = request.Id;
        CheckId(id, at, "request", requestIds, errors);
        if (string.IsNullOrWhiteSpace(request.Student))
        {
            errors.Add(new(at, id, "student is empty"));
        }
        if (request.Teachers is null || request.Teachers.Count == 0)
        {
            errors.Add(new(at, id, "lists no teacher"));
        }
        else
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var teacher in request.Teachers)
            {
                if (!teacherIds.Contains(teacher ?? ""))
                {
                    errors.Add(new(at, id, $"teacher \"{teacher}\" is not defined"));
                }
                else if (!seen.Add(teacher!))
                {
                    errors.Add(new(at, id, $"teacher \"{teacher}\" is listed twice"));
                }
            }
        }
        if (request.Length < 1)
        {
            errors.Add(new(at, id, $"length must be at least 1 slot, got {request.Length}"));
        }
        else if (longestSession > 0 && request.Length > longestSession)
        {
            errors.Add(new(at, id, $"length {request.Length} is longer than the longest session ({longestSession} slots), so it can never be placed"));
        }
        if (request.Priority < 1)
        {
            errors.Add(new(at, id, $"priority must be at least 1, got {request.Priority}"));
        }
    }

    private static void CheckId(string? id, string at, string kind, HashSet<string> seen, List<InstanceError> errors)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            errors.Add(new(at, null, $"{kind} id is empty"));
        }
        else if (!seen.Add(id))
        {
            errors.Add(new(at, id, $"duplicate {kind} id \"{id}\""));
        }
    }

    private static void CheckSlots(IReadOnlyList<int>? slots, string at, string? id, int slotCount, List<InstanceError> errors)
    {
        if (slots is null)
        {
            return;
        }
        var seen = new HashSet<int>();
        for (var i = 0; i < slots.Count; i++)
        {
            var slot = slots[i];
            if (slot < 0 || slot >= slotCount)
            {
                errors.Add(new($"{at}.available[{i}]", id, $"slot {slot} is out of range (the instance has slots 0–{slotCount - 1})"));
            }
            else if (!seen.Add(slot))
            {
                errors.Add(new($"{at}.available[{i}]", id, $"slot {slot} is listed twice"));
            }
        }
    }
}
