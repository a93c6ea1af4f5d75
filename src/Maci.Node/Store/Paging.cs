namespace Maci.Node.Store;

/// <summary>CometBFT's page/per_page rules: per_page defaults to 30, is capped at 100; page is 1-based and must exist.</summary>
public static class Paging
{
    public const int DefaultPerPage = 30;
    public const int MaxPerPage = 100;

    public static int PerPage(int? perPage) => perPage switch
    {
        null or < 1 => DefaultPerPage,
        > MaxPerPage => MaxPerPage,
        _ => perPage.Value,
    };

    /// <summary>Validates a requested page against the total; throws <see cref="ArgumentException"/> with CometBFT's message.</summary>
    public static int Page(int? page, int perPage, int totalCount)
    {
        if (page is null) return 1;
        var pages = Math.Max(1, (totalCount - 1) / perPage + 1);
        if (page <= 0 || page > pages)
            throw new ArgumentException($"page should be within [1, {pages}] range, given {page}");
        return page.Value;
    }

    /// <summary>The slice of <paramref name="items"/> for a page request.</summary>
    public static IReadOnlyList<T> Slice<T>(IReadOnlyList<T> items, int? page, int? perPage)
    {
        var size = PerPage(perPage);
        var p = Page(page, size, items.Count);
        var skip = (p - 1) * size;
        return items.Skip(skip).Take(Math.Min(size, items.Count - skip)).ToArray();
    }
}
