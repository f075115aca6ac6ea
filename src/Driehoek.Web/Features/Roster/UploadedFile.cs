namespace Driehoek.Web.Features.Roster;

/// <summary>An export a leader uploads (a roster, report grades): read whole, or not at all when it is over the limit.</summary>
public static class UploadedFile
{
    public static async Task<(byte[]? Content, bool TooLarge)> ReadAsync(IFormFile? file, int maxBytes, CancellationToken ct)
    {
        if (file is null)
        {
            return (null, false);
        }
        if (file.Length > maxBytes)
        {
            return (null, true);
        }
        // Straight into an array of the file's size: a buffer and its copy would hold a board's export twice.
        var content = new byte[file.Length];
        await using var stream = file.OpenReadStream();
        await stream.ReadExactlyAsync(content, ct);
        return (content, false);
    }
}
