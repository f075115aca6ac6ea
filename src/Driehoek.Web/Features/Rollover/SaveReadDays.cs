using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Infrastructure.Audit;

namespace Driehoek.Web.Features.Rollover;

public sealed record SaveReadDaysCommand(Guid SchoolId, int? Days);

/// <summary>
/// The school's setting how many days after a school year ends last year's teachers still read last year's students
/// (<see cref="LastYear"/>). It changes who sees records, so a save is audit-logged.
/// </summary>
public sealed class SaveReadDays(AppDbContext db, Access access, AuditLog audit)
{
    public async Task<Result<Guid>> HandleAsync(SaveReadDaysCommand command, CancellationToken ct)
    {
        var school = await db.Schools.FirstOrDefaultAsync(s => s.Id == command.SchoolId, ct);
        if (school is null || !await access.MayAsync(Resource.Rollover, Act.Change, Target.School(school.Id), ct))
        {
            return Result<Guid>.NotFound();
        }
        if (command.Days is not (>= 0 and <= School.MaxLastYearReadDays))
        {
            return Result<Guid>.Invalid(new FieldError("readDays", "Rollover.ReadDaysRange", 0, School.MaxLastYearReadDays));
        }
        school.LastYearReadDays = command.Days;
        audit.Record("rollover.read-days.saved", "school", school.Id, access.UserId, school.Id);
        await db.SaveChangesAsync(ct);
        return school.Id;
    }
}
