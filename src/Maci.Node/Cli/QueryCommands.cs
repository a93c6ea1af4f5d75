using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Maci.Proto.Cosmos.Bank.V1Beta1;

namespace Maci.Node.Cli;

/// <summary><c>macid query auth account | bank balances | tx | block</c> over the node's JSON-RPC.</summary>
public static class QueryCommands
{
    public static Command Create(CliIo io)
    {
        var query = new Command("query", "Query chain state over JSON-RPC");
        query.Aliases.Add("q");
        var auth = new Command("auth", "Auth module queries");
        auth.Subcommands.Add(Account(io));
        var bank = new Command("bank", "Bank module queries");
        bank.Subcommands.Add(Balances(io));
        query.Subcommands.Add(auth);
        query.Subcommands.Add(bank);
        query.Subcommands.Add(Tx(io));
        query.Subcommands.Add(Block(io));
        query.Subcommands.Add(OperatorQueryCommands.Create(io));
        query.Subcommands.Add(InsuranceQueryCommands.Create(io));
        query.Subcommands.Add(RoundQueryCommands.Create(io));
        return query;
    }

    private static Command Account(CliIo io)
    {
        var address = new Argument<string>("address");
        var (output, node) = (CliOptions.Output(), CliOptions.Node());
        var command = new Command("account", "An account's number, sequence and public key") { address, output, node };
        command.SetAction(async (parse, ct) =>
        {
            var json = CliOptions.IsJson(parse.GetValue(output)!);
            using var rpc = new NodeRpcClient(parse.GetValue(node)!);
            var addr = parse.GetValue(address)!;
            var account = await ChainQueries.AccountAsync(rpc, addr, ct) ?? throw new CliException($"account {addr} not found");
            var o = new JsonObject
            {
                ["address"] = account.Address,
                ["account_number"] = account.AccountNumber.ToString(CultureInfo.InvariantCulture),
                ["sequence"] = account.Sequence.ToString(CultureInfo.InvariantCulture),
                ["pub_key"] = account.PubKey is null ? null : Convert.ToBase64String(account.PubKey.Value.ToByteArray()[2..]),
            };
            if (json) io.Json(o);
            else io.Line($"address: {o["address"]}\naccount_number: {o["account_number"]}\nsequence: {o["sequence"]}\npub_key: {o["pub_key"]?.ToString() ?? "null"}");
            return 0;
        });
        return command;
    }

    private static Command Balances(CliIo io)
    {
        var address = new Argument<string>("address");
        var (output, node) = (CliOptions.Output(), CliOptions.Node());
        var command = new Command("balances", "All balances of an address") { address, output, node };
        command.SetAction(async (parse, ct) =>
        {
            var json = CliOptions.IsJson(parse.GetValue(output)!);
            using var rpc = new NodeRpcClient(parse.GetValue(node)!);
            var request = new QueryAllBalancesRequest { Address = parse.GetValue(address)! }.ToByteArray();
            var (_, _, value, height) = await rpc.QueryAsync("/cosmos.bank.v1beta1.Query/AllBalances", request, ct);
            var balances = QueryAllBalancesResponse.Parser.ParseFrom(value).Balances;
            if (json)
                io.Json(new JsonObject
                {
                    ["balances"] = new JsonArray(balances.Select(c => (JsonNode)new JsonObject { ["denom"] = c.Denom, ["amount"] = c.Amount }).ToArray()),
                    ["height"] = height.ToString(CultureInfo.InvariantCulture),
                });
            else if (balances.Count == 0) io.Line("No balances.");
            else foreach (var c in balances) io.Line($"{c.Amount}{c.Denom}");
            return 0;
        });
        return command;
    }

    private static Command Tx(CliIo io)
    {
        var hash = new Argument<string>("hash") { Description = "Tx hash (hex)" };
        var (output, node) = (CliOptions.Output(), CliOptions.Node());
        var command = new Command("tx", "A committed tx and its result") { hash, output, node };
        command.SetAction(async (parse, ct) =>
        {
            var json = CliOptions.IsJson(parse.GetValue(output)!);
            var text = parse.GetValue(hash)!;
            byte[] bytes;
            try
            {
                bytes = Convert.FromHexString(text);
            }
            catch (FormatException)
            {
                throw new CliException($"invalid tx hash '{text}' (expected 64 hex characters)");
            }
            if (bytes.Length != 32) throw new CliException($"invalid tx hash '{text}' (expected 64 hex characters)");
            using var rpc = new NodeRpcClient(parse.GetValue(node)!);
            var found = await rpc.CallAsync("tx_search", new JsonObject { ["query"] = $"tx.hash='{text.ToUpperInvariant()}'" }, ct);
            if (found["txs"] is not JsonArray { Count: > 0 } txs) throw new CliException($"tx {text} not found");
            var t = txs[0]!;
            if (json) io.Json(t.DeepClone());
            else
            {
                var r = t["tx_result"]!;
                io.Line($"txhash: {t["hash"]}\nheight: {t["height"]}\nindex: {t["index"]}\ncode: {(uint?)r["code"] ?? 0}\n" +
                        $"gas_wanted: {r["gas_wanted"]}\ngas_used: {r["gas_used"]}\nlog: {r["log"]}");
            }
            return 0;
        });
        return command;
    }

    private static Command Block(CliIo io)
    {
        var height = new Argument<long?>("height") { Description = "Height (default: latest)", Arity = ArgumentArity.ZeroOrOne };
        var (output, node) = (CliOptions.Output(), CliOptions.Node());
        var command = new Command("block", "A block") { height, output, node };
        command.SetAction(async (parse, ct) =>
        {
            var json = CliOptions.IsJson(parse.GetValue(output)!);
            using var rpc = new NodeRpcClient(parse.GetValue(node)!);
            var p = new JsonObject();
            if (parse.GetValue(height) is { } h)
            {
                if (h <= 0) throw new CliException($"invalid height {h}: must be positive");
                p["height"] = h.ToString(CultureInfo.InvariantCulture);
            }
            var result = await rpc.CallAsync("block", p, ct);
            if (json) io.Json(result.DeepClone());
            else
            {
                var header = result["block"]!["header"]!;
                var txs = result["block"]!["data"]?["txs"] as JsonArray;
                io.Line($"height: {header["height"]}\nhash: {result["block_id"]!["hash"]}\ntime: {header["time"]}\n" +
                        $"txs: {txs?.Count ?? 0}\napp_hash: {header["app_hash"]}\nproposer: {header["proposer_address"]}");
            }
            return 0;
        });
        return command;
    }
}
