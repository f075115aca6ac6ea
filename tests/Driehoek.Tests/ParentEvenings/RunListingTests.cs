using Driehoek.Web.Features.ParentEvenings;

namespace Driehoek.Tests.ParentEvenings;

/// <summary>The review page's lists of a large evening come a page at a time; a page out of range is the nearest one.</summary>
public sealed class RunListingTests
{
    [Theory]
    [InlineData(0, 1, 1, 1, 0, 0)]
    [InlineData(50, 1, 1, 1, 1, 50)]
    [InlineData(51, 2, 2, 2, 51, 51)]
    [InlineData(1234, 7, 25, 7, 301, 350)]
    [InlineData(1234, 99, 25, 25, 1201, 1234)]
    [InlineData(1234, -3, 25, 1, 1, 50)]
    public void A_page_of_a_list_shows_at_most_its_size_and_says_where_it_stands(int total, int asked, int pages, int page, int first, int last)
    {
        var part = ListPart.Of(total, asked);

        Assert.Equal((pages, page, first, last), (part.Pages, part.Page, part.First, part.Last));
        Assert.Equal(last - first + (total == 0 ? 0 : 1), part.Take(Enumerable.Range(1, total)).Count());
        Assert.Equal(first, total == 0 ? 0 : part.Take(Enumerable.Range(1, total)).First());
    }
}
