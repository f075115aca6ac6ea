using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Driehoek.Web.Infrastructure.Data;

/// <summary>
/// A compiled query (EF.CompileAsyncQuery), compiled once per model. EF binds a compiled query to the provider
/// of the first context that runs it, and the tests and the booking-rush benchmark run SQLite and PostgreSQL in
/// one process; the app itself has one model, so this costs one lookup.
/// </summary>
public sealed class CompiledPerModel<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _compiled = new();

    public TQuery For(DbContext db) => _compiled.GetValue(db.Model, _ => compile());
}
