using System.Net;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Tests.Permissions;

/// <summary>Every role against another family's, group's and school's resources: each attempt fails.</summary>
public abstract class AccessTests(TestApp app)
{
    private sealed record Setup(SchoolBuilder School, Group GroupA, Group GroupB, Person ChildA, Person ChildB, Person ParentA,
        Person TeacherA, SchoolBuilder Other, Group OtherGroup, Person OtherChild);

    private async Task<Setup> TwoSchoolsAsync()
    {
        var school = await app.World.SchoolAsync();
        var groupA = await school.GroupAsync();
        var groupB = await school.GroupAsync();
        var childA = await school.StudentAsync(groupA);
        var childB = await school.StudentAsync(groupB);
        var parentA = await school.GuardianAsync([childA]);
        await school.GuardianAsync([childB]);
        var teacherA = await school.StaffAsync(StaffRole.GroupTeacher, groupA);
        var other = await app.World.SchoolAsync();
        var otherGroup = await other.GroupAsync();
        var otherChild = await other.StudentAsync(otherGroup);
        return new Setup(school, groupA, groupB, childA, childB, parentA, teacherA, other, otherGroup, otherChild);
    }

    [Fact]
    public async Task Parent_sees_own_child_and_nothing_of_another_family_group_or_school()
    {
        var s = await TwoSchoolsAsync();
        using var parent = await app.SignInAsync(s.ParentA.Email!);

        var home = await parent.GetAsync("/parent");
        Assert.Contains(s.ChildA.Name, home.Main);
        Assert.DoesNotContain(s.ChildB.Name, home.Main);

        Assert.Equal(HttpStatusCode.OK, await parent.StatusAsync($"/api/v1/children/{s.ChildA.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, await parent.StatusAsync($"/api/v1/children/{s.ChildB.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, await parent.StatusAsync($"/students/{s.ChildA.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, await parent.StatusAsync($"/api/v1/students/{s.ChildA.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, await parent.StatusAsync($"/groups/{s.GroupA.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, await parent.StatusAsync($"/school/{s.School.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, await parent.StatusAsync($"/school/{s.School.Id}/import"));
        Assert.Equal(HttpStatusCode.NotFound, await parent.StatusAsync($"/api/v1/children/{s.OtherChild.Id}"));
    }

    [Fact]
    public async Task Parent_without_parental_authority_sees_only_what_the_school_allows()
    {
        var school = await app.World.SchoolAsync();
        var group = await school.GroupAsync();
        var child = await school.StudentAsync(group);
        await school.StaffAsync(StaffRole.GroupTeacher, group);
        var limited = await school.GuardianAsync([child], authority: false);
        using var parent = await app.SignInAsync(limited.Email!);

        var allowed = await parent.GetAsync("/parent");
        Assert.Contains(group.Name, allowed.Main);
        Assert.NotNull(allowed.Find(".child .hint"));

        await app.WithDbAsync(async db =>
        {
            (await db.Schools.SingleAsync(x => x.Id == school.Id)).LimitedGuardianAccess = LimitedGuardianAccess.None;
            await db.SaveChangesAsync();
        });
        var restricted = await parent.GetAsync("/parent");
        Assert.Contains(child.Name, restricted.Main);
        Assert.DoesNotContain(group.Name, restricted.Main);
        Assert.DoesNotContain("GroupTeacher", restricted.Main);
    }

    [Fact]
    public async Task Group_teacher_sees_own_group_but_not_another_group_or_school()
    {
        var s = await TwoSchoolsAsync();
        using var teacher = await app.SignInAsync(s.TeacherA.Email!);

        var home = await teacher.GetAsync("/teacher");
        Assert.Contains(s.GroupA.Name, home.Main);
        var group = await teacher.GetAsync($"/groups/{s.GroupA.Id}");
        Assert.Contains(s.ChildA.Name, group.Main);
        Assert.Equal(HttpStatusCode.OK, await teacher.StatusAsync($"/students/{s.ChildA.Id}"));

        Assert.Equal(HttpStatusCode.NotFound, await teacher.StatusAsync($"/groups/{s.GroupB.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, await teacher.StatusAsync($"/students/{s.ChildB.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, await teacher.StatusAsync($"/api/v1/groups/{s.GroupB.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, await teacher.StatusAsync($"/school/{s.School.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, await teacher.StatusAsync($"/groups/{s.OtherGroup.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, await teacher.StatusAsync($"/students/{s.OtherChild.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, await teacher.StatusAsync($"/api/v1/children/{s.ChildA.Id}"));
    }

    [Fact]
    public async Task Subject_teacher_and_mentor_see_the_classes_they_teach()
    {
        var school = await app.World.SchoolAsync(SchoolKind.Secondary);
        var taught = await school.GroupAsync("2B", 2);
        var other = await school.GroupAsync("2C", 2);
        var student = await school.StudentAsync(taught);
        var subject = await school.StaffAsync(StaffRole.SubjectTeacher, taught, "Engels");
        var mentor = await school.StaffAsync(StaffRole.Mentor, other);

        using var s = await app.SignInAsync(subject.Email!);
        Assert.Equal(HttpStatusCode.OK, await s.StatusAsync($"/groups/{taught.Id}"));
        Assert.Equal(HttpStatusCode.OK, await s.StatusAsync($"/students/{student.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, await s.StatusAsync($"/groups/{other.Id}"));

        using var m = await app.SignInAsync(mentor.Email!);
        Assert.Equal(HttpStatusCode.OK, await m.StatusAsync($"/groups/{other.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, await m.StatusAsync($"/students/{student.Id}"));
    }

    [Fact]
    public async Task Year_coordinator_sees_only_their_year()
    {
        var school = await app.World.SchoolAsync(SchoolKind.Secondary);
        var second = await school.GroupAsync("2A", 2);
        var third = await school.GroupAsync("3A", 3);
        var coordinator = await school.StaffAsync(StaffRole.YearCoordinator, level: 2);
        using var client = await app.SignInAsync(coordinator.Email!);

        Assert.Equal(HttpStatusCode.OK, await client.StatusAsync($"/groups/{second.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync($"/groups/{third.Id}"));
    }

    [Fact]
    public async Task School_leader_sees_own_school_but_not_another()
    {
        var s = await TwoSchoolsAsync();
        var leader = await s.School.StaffAsync(StaffRole.SchoolLeader);
        using var client = await app.SignInAsync(leader.Email!);

        var overview = await client.GetAsync($"/school/{s.School.Id}");
        Assert.Contains(s.GroupA.Name, overview.Main);
        Assert.Equal(HttpStatusCode.OK, await client.StatusAsync($"/students/{s.ChildB.Id}"));
        Assert.Equal(HttpStatusCode.OK, await client.StatusAsync($"/school/{s.School.Id}/import"));

        Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync($"/school/{s.Other.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync($"/school/{s.Other.Id}/import"));
        Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync($"/groups/{s.OtherGroup.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync($"/students/{s.OtherChild.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync($"/board/{s.School.BoardId}"));
    }

    [Fact]
    public async Task Care_coordinator_sees_the_school_but_cannot_manage_it()
    {
        var s = await TwoSchoolsAsync();
        var care = await s.School.StaffAsync(StaffRole.CareCoordinator);
        using var client = await app.SignInAsync(care.Email!);

        Assert.Equal(HttpStatusCode.OK, await client.StatusAsync($"/school/{s.School.Id}"));
        Assert.Equal(HttpStatusCode.OK, await client.StatusAsync($"/students/{s.ChildA.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync($"/school/{s.School.Id}/import"));
        Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync($"/school/{s.School.Id}/invitations"));
    }

    [Fact]
    public async Task Board_admin_sees_the_board_and_its_schools_but_not_another_board()
    {
        var s = await TwoSchoolsAsync();
        var admin = await app.World.BoardAdminAsync(s.School.BoardId);
        using var client = await app.SignInAsync(admin.Email!);

        var board = await client.GetAsync($"/board/{s.School.BoardId}");
        Assert.Contains(s.School.School.Name, board.Main);
        Assert.Equal(HttpStatusCode.OK, await client.StatusAsync($"/school/{s.School.Id}"));
        Assert.Equal(HttpStatusCode.OK, await client.StatusAsync($"/groups/{s.GroupA.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync($"/board/{s.Other.BoardId}"));
        Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync($"/school/{s.Other.Id}"));
    }

    [Fact]
    public async Task Student_sees_own_record_and_not_a_classmate()
    {
        var school = await app.World.SchoolAsync(SchoolKind.Secondary);
        var group = await school.GroupAsync("1A", 1);
        var me = await school.StudentAsync(group, login: true);
        var classmate = await school.StudentAsync(group);
        using var client = await app.SignInAsync(me.Email!);

        var home = await client.GetAsync("/");
        Assert.EndsWith("/student", home.Url.AbsolutePath);
        Assert.Contains(me.Name, home.Main);
        Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync($"/api/v1/children/{classmate.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync($"/groups/{group.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync("/parent"));
    }

    [Fact]
    public async Task A_forged_id_gets_not_found_not_an_error()
    {
        var s = await TwoSchoolsAsync();
        using var teacher = await app.SignInAsync(s.TeacherA.Email!);

        Assert.Equal(HttpStatusCode.NotFound, await teacher.StatusAsync($"/groups/{Guid.NewGuid()}"));
        Assert.Equal(HttpStatusCode.NotFound, await teacher.StatusAsync("/groups/not-a-guid"));
        Assert.Equal(HttpStatusCode.NotFound, await teacher.StatusAsync($"/api/v1/students/{Guid.NewGuid()}"));
    }

    [Fact]
    public async Task Reading_a_student_record_is_audit_logged()
    {
        var s = await TwoSchoolsAsync();
        using var teacher = await app.SignInAsync(s.TeacherA.Email!);

        await teacher.GetAsync($"/students/{s.ChildA.Id}");

        var entry = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.SubjectId == s.ChildA.Id));
        Assert.Equal("read", entry.Action);
        Assert.Equal(s.TeacherA.UserId, entry.UserId);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AccessTests_Sqlite(SqliteApp app) : AccessTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class AccessTests_Postgres(PostgresApp app) : AccessTests(app);
