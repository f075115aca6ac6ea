using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Roster.Csv;

namespace Driehoek.Web.Features.Roster;

internal sealed partial class RosterApplier
{
    /// <summary>
    /// Staff rows are one role each; a staff member in the file gets exactly the roles the file
    /// lists (a teacher moved to another group loses the old one). Staff not in the file are kept, and so
    /// are the roles in other years' groups: last year's group teacher stays last year's group teacher.
    /// </summary>
    private async Task ApplyStaffAsync(IReadOnlyList<StaffRow> rows, CancellationToken ct)
    {
        var members = (await db.StaffMembers.AsNoTracking().Where(m => m.SchoolId == school.Id).ToListAsync(ct))
            .ToDictionary(m => m.ExternalId, StringComparer.OrdinalIgnoreCase);
        var assignments = (await db.StaffAssignments.AsNoTracking().Where(a => a.SchoolId == school.Id).ToListAsync(ct))
            .ToLookup(a => a.StaffMemberId);
        var yearGroups = _groups.Values.Select(g => g.Id).ToHashSet();

        var done = 0;
        foreach (var person in rows.GroupBy(r => r.Code, StringComparer.OrdinalIgnoreCase))
        {
            var last = person.Last();
            if (!members.TryGetValue(person.Key, out var member))
            {
                member = AddNew(new StaffMember { SchoolId = school.Id, ExternalId = last.Code, FirstName = last.FirstName, LastName = last.LastName });
                members[person.Key] = member;
            }
            Touch(member);
            member.FirstName = last.FirstName;
            member.LastNamePrefix = last.Prefix;
            member.LastName = last.LastName;
            member.Email = last.Email ?? member.Email;

            var wanted = new List<(StaffRole Role, Guid? GroupId, string? Subject, int? Level)>();
            foreach (var row in person)
            {
                Guid? groupId = null;
                if (row.Group is not null)
                {
                    if (!_groups.TryGetValue(row.Group, out var group))
                    {
                        errors.Add(new RosterIssue(row.Line, "Roster.UnknownGroup", [row.Group]));
                        continue;
                    }
                    groupId = group.Id;
                }
                wanted.Add((row.Role, groupId, row.Subject, row.Level));
            }
            wanted = wanted.Distinct().ToList();

            var existing = assignments[member.Id].Where(a => a.GroupId is null || yearGroups.Contains(a.GroupId.Value)).ToList();
            foreach (var a in existing.Where(a => !wanted.Contains((a.Role, a.GroupId, a.Subject, a.Level))))
            {
                db.StaffAssignments.Remove(a);
            }
            foreach (var w in wanted.Where(w => !existing.Any(a => (a.Role, a.GroupId, a.Subject, a.Level) == w)))
            {
                AddNew(new StaffAssignment
                {
                    SchoolId = school.Id, StaffMemberId = member.Id, Role = w.Role, GroupId = w.GroupId, Subject = w.Subject, Level = w.Level,
                });
            }
            done += person.Count();
            if (done % ChunkSize < person.Count())
            {
                await ChunkDoneAsync(done);
            }
        }
        await ChunkDoneAsync(rows.Count);
    }
}
