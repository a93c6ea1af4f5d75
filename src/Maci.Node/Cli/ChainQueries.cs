using Google.Protobuf;
using Maci.Proto.Cosmos.Auth.V1Beta1;

namespace Maci.Node.Cli;

/// <summary>Account lookups the tx commands need, over abci_query.</summary>
public static class ChainQueries
{
    public const string AccountPath = "/cosmos.auth.v1beta1.Query/Account";

    /// <summary>The BaseAccount at <paramref name="address"/>, or null when the chain has no such account (code 22).</summary>
    public static async Task<BaseAccount?> AccountAsync(NodeRpcClient rpc, string address, CancellationToken ct)
    {
        var (code, _, value, _) = await rpc.QueryAsync(AccountPath, new QueryAccountRequest { Address = address }.ToByteArray(), ct, 22);
        if (code == 22) return null;
        var any = QueryAccountResponse.Parser.ParseFrom(value).Account
                  ?? throw new CliException($"account query for {address} returned no account");
        return any.TypeUrl switch
        {
            "/cosmos.auth.v1beta1.BaseAccount" => any.Unpack<BaseAccount>(),
            "/cosmos.auth.v1beta1.ModuleAccount" => any.Unpack<ModuleAccount>().BaseAccount,
            var t => throw new CliException($"unsupported account type {t}"),
        };
    }

    public static async Task<string> ChainIdAsync(NodeRpcClient rpc, CancellationToken ct) =>
        (string?)(await rpc.CallAsync("status", ct: ct))["node_info"]?["network"] ?? throw new CliException("status has no chain id");
}
