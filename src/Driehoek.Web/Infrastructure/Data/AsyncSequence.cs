namespace Driehoek.Web.Infrastructure.Data;

public static class AsyncSequence
{
    /// <summary>The rows of a compiled query (EF.CompileAsyncQuery returns them one by one).</summary>
    public static async Task<List<T>> ListAsync<T>(this IAsyncEnumerable<T> rows, CancellationToken ct)
    {
        var list = new List<T>();
        await foreach (var row in rows.WithCancellation(ct))
        {
            list.Add(row);
        }
        return list;
    }
}
