using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Roster.Csv;
using Driehoek.Web.Infrastructure.Localization;

namespace Driehoek.Web.Features.Roster;

/// <summary>
/// Guardians and households belong to the board, so a parent with children at two schools is one record.
/// A school's import changes such a parent's own data (name, e-mail, phone, language, household) only while
/// no other school of the board has them; otherwise it notes a conflict for the board admin and changes just
/// its own links (the caller's guardianships). Nor does it move a parent of its own into a household of
/// another school's parent: that would merge two separated parents.
/// </summary>
internal sealed partial class RosterApplier
{
    private Dictionary<string, Guardian> _guardians = null!;
    private Dictionary<string, Household> _households = null!;
    private Dictionary<Guid, Household> _householdsById = null!;
    /// <summary>Guardians with a guardianship at another school of the board.</summary>
    private HashSet<Guid> _sharedGuardians = null!;
    /// <summary>Their households; they never change during an import, so this stays true while it runs.</summary>
    private HashSet<Guid> _sharedHouseholds = null!;
    /// <summary>Households made for a key that nobody has moved into yet: added when the first one does.</summary>
    private readonly HashSet<Household> _unsavedHouseholds = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Guid, (int Line, string Guardian, List<ConflictDifference> Differences)> _conflicts = [];

    public IReadOnlyList<RosterConflict> Conflicts =>
        _conflicts.Values.OrderBy(c => c.Line).ThenBy(c => c.Guardian, StringComparer.Ordinal)
            .Select(c => new RosterConflict(c.Line, c.Guardian, c.Differences)).ToList();

    private async Task LoadGuardiansAsync(CancellationToken ct)
    {
        _guardians = (await db.Guardians.AsNoTracking().Where(g => g.BoardId == school.BoardId).ToListAsync(ct)).ToDictionary(g => g.ExternalKey);
        _householdsById = (await db.Households.AsNoTracking().Where(h => h.BoardId == school.BoardId).ToListAsync(ct)).ToDictionary(h => h.Id);
        _households = _householdsById.Values.Where(h => h.Key is not null).ToDictionary(h => h.Key!);
        _sharedGuardians = (await db.Guardianships.Where(l => l.SchoolId != school.Id)
            .Join(db.Guardians.Where(g => g.BoardId == school.BoardId), l => l.GuardianId, g => g.Id, (l, g) => g.Id)
            .Distinct().ToListAsync(ct)).ToHashSet();
        _sharedHouseholds = _guardians.Values.Where(g => g.HouseholdId is not null && _sharedGuardians.Contains(g.Id))
            .Select(g => g.HouseholdId!.Value).ToHashSet();
    }

    private Guardian UpsertGuardian(StudentRow row, GuardianRow g)
    {
        var household = HouseholdFor(row, g);
        if (!_guardians.TryGetValue(g.Key, out var guardian))
        {
            guardian = AddNew(new Guardian { BoardId = school.BoardId, ExternalKey = g.Key, FirstName = g.FirstName, LastName = g.LastName });
            _guardians[g.Key] = guardian;
        }
        if (_sharedGuardians.Contains(guardian.Id))
        {
            NoteDifferences(row.Line, g, guardian, household);
            return guardian;
        }
        var email = g.Email ?? guardian.Email;
        var phone = g.Phone ?? guardian.Phone;
        if ((guardian.FirstName, guardian.LastNamePrefix, guardian.LastName, guardian.Email, guardian.Phone, guardian.PreferredLanguage)
            != (g.FirstName, g.Prefix, g.LastName, email, phone, g.Language))
        {
            Touch(guardian);
            guardian.FirstName = g.FirstName;
            guardian.LastNamePrefix = g.Prefix;
            guardian.LastName = g.LastName;
            guardian.Email = email;
            guardian.Phone = phone;
            guardian.PreferredLanguage = g.Language;
        }
        if (guardian.HouseholdId is { } current && current != household.Id && _sharedHouseholds.Contains(household.Id))
        {
            Conflict(row.Line, g, guardian, new ConflictDifference("Conflict.JoinsHousehold", [AddressOf(household.Id), AddressOf(current)]));
        }
        else if (guardian.HouseholdId != household.Id)
        {
            if (_unsavedHouseholds.Remove(household))
            {
                AddNew(household);
            }
            Touch(guardian).HouseholdId = household.Id;
        }
        return guardian;
    }

    /// <summary>
    /// The household the file puts <paramref name="g"/> in; a new one is added only once someone moves in.
    /// Without an address the file says no more than that the parents on a line live together: when one of
    /// them is another school's parent too, the line's household is the one that parent already has.
    /// </summary>
    private Household HouseholdFor(StudentRow row, GuardianRow g)
    {
        if (g.HouseholdKey.StartsWith(StudentRowReader.LineHousehold, StringComparison.Ordinal))
        {
            var theirs = row.Guardians.Where(o => o.HouseholdKey == g.HouseholdKey)
                .Select(o => _guardians.GetValueOrDefault(o.Key))
                .Where(o => o is not null && _sharedGuardians.Contains(o.Id))
                .Select(o => _householdsById.GetValueOrDefault(o!.HouseholdId ?? Guid.Empty))
                .FirstOrDefault(h => h is not null);
            if (theirs is not null)
            {
                return theirs;
            }
        }
        if (!_households.TryGetValue(g.HouseholdKey, out var household))
        {
            household = new Household { BoardId = school.BoardId, Key = g.HouseholdKey };
            _unsavedHouseholds.Add(household);
            _households[g.HouseholdKey] = household;
            _householdsById[household.Id] = household;
        }
        return household;
    }

    private void NoteDifferences(int line, GuardianRow g, Guardian guardian, Household household)
    {
        if ((g.FirstName, g.Prefix, g.LastName) != (guardian.FirstName, guardian.LastNamePrefix, guardian.LastName))
        {
            Conflict(line, g, guardian, new ConflictDifference("Conflict.Name", [PersonName.Format(g.FirstName, g.Prefix, g.LastName), guardian.FullName]));
        }
        if (g.Email is not null && !string.Equals(g.Email, guardian.Email, StringComparison.OrdinalIgnoreCase))
        {
            Conflict(line, g, guardian, new ConflictDifference("Conflict.Email", [g.Email, guardian.Email ?? ""]));
        }
        if (g.Phone is not null && g.Phone != guardian.Phone)
        {
            Conflict(line, g, guardian, new ConflictDifference("Conflict.Phone", [g.Phone, guardian.Phone ?? ""]));
        }
        if (g.Language != guardian.PreferredLanguage)
        {
            Conflict(line, g, guardian, new ConflictDifference("Conflict.Language", [LanguageName(g.Language), LanguageName(guardian.PreferredLanguage)]));
        }
        if (household.Id != guardian.HouseholdId)
        {
            Conflict(line, g, guardian, new ConflictDifference("Conflict.Household", [AddressOf(household.Id), AddressOf(guardian.HouseholdId)]));
        }
    }

    /// <summary>One entry per guardian, at the first line that differs; each kind of difference once.</summary>
    private void Conflict(int line, GuardianRow g, Guardian guardian, ConflictDifference difference)
    {
        if (!_conflicts.TryGetValue(guardian.Id, out var conflict))
        {
            conflict = (line, PersonName.Format(g.FirstName, g.Prefix, g.LastName), []);
            _conflicts[guardian.Id] = conflict;
        }
        if (!conflict.Differences.Exists(d => d.Key == difference.Key))
        {
            conflict.Differences.Add(difference);
        }
    }

    /// <summary>"1234AB-5" for a household the import keyed by address; empty when there is none.</summary>
    private string AddressOf(Guid? householdId) =>
        householdId is { } id && _householdsById.TryGetValue(id, out var h)
        && h.Key is { } key && key.StartsWith(StudentRowReader.AddressHousehold, StringComparison.Ordinal)
            ? key[StudentRowReader.AddressHousehold.Length..]
            : "";

    private static string LanguageName(string code) => Cultures.NativeNames.GetValueOrDefault(code, code);
}
