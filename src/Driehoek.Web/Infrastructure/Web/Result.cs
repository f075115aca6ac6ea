using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Infrastructure.Web;

public enum Failure
{
    NotFound,
    Invalid,
    Conflict,
}

/// <summary>A problem with one input; <see cref="Key"/> is a resource key so every page and the API can word it.</summary>
public sealed record FieldError(string Field, string Key, params object[] Args);

/// <summary>
/// What a use case hands back to a page or an endpoint. "Not found" also covers "not yours":
/// a forged id learns nothing about whether the record exists.
/// </summary>
public sealed record Result<T>
{
    public T? Value { get; private init; }
    public Failure? Failure { get; private init; }
    public IReadOnlyList<FieldError> Errors { get; private init; } = [];
    public bool Ok => Failure is null;

    public static Result<T> Success(T value) => new() { Value = value };
    public static Result<T> NotFound() => new() { Failure = Web.Failure.NotFound };
    public static Result<T> Invalid(params FieldError[] errors) => new() { Failure = Web.Failure.Invalid, Errors = errors };
    public static Result<T> Conflict(params FieldError[] errors) => new() { Failure = Web.Failure.Conflict, Errors = errors };

    public static implicit operator Result<T>(T value) => Success(value);
}

public static class ResultExtensions
{
    public static void CopyTo<T>(this Result<T> result, ModelStateDictionary modelState, IStringLocalizer text, string prefix = "")
    {
        foreach (var error in result.Errors)
        {
            var key = string.IsNullOrEmpty(error.Field) ? "" : prefix + error.Field;
            modelState.AddModelError(key, text[error.Key, error.Args]);
        }
    }

    public static Results<Ok<T>, NotFound, ValidationProblem, ProblemHttpResult> ToApi<T>(
        this Result<T> result, IStringLocalizer text)
    {
        if (result.Ok)
        {
            return TypedResults.Ok(result.Value!);
        }
        var errors = result.Errors.GroupBy(e => e.Field)
            .ToDictionary(g => g.Key, g => g.Select(e => text[e.Key, e.Args].Value).ToArray());
        return result.Failure switch
        {
            Failure.NotFound => TypedResults.NotFound(),
            // Problem details with their own media type, like every other API error (Conflict(object) would say application/json).
            Failure.Conflict => TypedResults.Problem(new HttpValidationProblemDetails(errors) { Status = StatusCodes.Status409Conflict }),
            _ => TypedResults.ValidationProblem(errors),
        };
    }
}
