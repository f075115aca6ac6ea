using Driehoek.Web.Features.Rounds;

namespace Driehoek.Web.Features.Coverage;

/// <summary>A coverage table: its rows (each maybe a link to go deeper) and an optional total row.</summary>
public sealed record CoverageTable(string Id, string Caption, string Heading, IReadOnlyList<(CoverageLine Line, string? Href)> Rows, CoverageLine? Total);

/// <summary>The kinds of round a coverage page switches between, as links (works without JavaScript).</summary>
public sealed record KindSwitch(string BaseUrl, RoundKind Current);
