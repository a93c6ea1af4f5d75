using Google.Protobuf;
using Maci.Proto.Cosmos.Base.Query.V1Beta1;
using Maci.Sdk.Errors;
using Maci.Storage;

namespace Maci.Sdk.Query;

/// <summary>
/// SDK-style pagination over all keys under a prefix: resume by <c>key</c> (the previous next_key) or skip
/// <c>offset</c> entries (not both), at most <c>limit</c> items (default 100), optional total count.
/// </summary>
public static class Pagination
{
    public const ulong DefaultLimit = 100;

    public static SdkError? Paginate<T>(IKvReader store, byte[] prefix, PageRequest? page,
        Func<byte[], byte[], T> map, out List<T> items, out PageResponse response)
    {
        items = [];
        response = new PageResponse();
        page ??= new PageRequest();
        if (!page.Key.IsEmpty && page.Offset > 0)
            return SdkErrors.InvalidRequest.Wrap("rpc error: code = InvalidArgument desc = paginate: invalid request, either offset or key is expected, got both");
        var limit = page.Limit == 0 ? DefaultLimit : page.Limit;
        var end = KeyPrefix.End(prefix);
        byte[] start = prefix;
        if (!page.Key.IsEmpty)
        {
            var resume = prefix.Concat(page.Key.ToByteArray()).ToArray();
            if (page.Reverse) end = Successor(resume);
            else start = resume;
        }
        using var it = store.Iterate(start, end, page.Reverse);
        ulong seen = 0, taken = 0;
        for (; it.Valid; it.Next())
        {
            seen++;
            if (page.Key.IsEmpty && seen <= page.Offset) continue;
            var key = it.Key[prefix.Length..].ToArray();
            if (taken == limit)
            {
                response.NextKey = ByteString.CopyFrom(key);
                if (!page.CountTotal || !page.Key.IsEmpty) break;
                continue;
            }
            items.Add(map(key, it.Value.ToArray()));
            taken++;
        }
        if (page.CountTotal && page.Key.IsEmpty) response.Total = seen;
        return null;
    }

    /// <summary>The smallest key strictly greater than <paramref name="key"/> (used as an exclusive end).</summary>
    private static byte[] Successor(byte[] key) => [.. key, 0x00];
}
