using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Maci.Crypto.Cosmos.Keyring;
using Maci.Proto.Cosmos.Bank.V1Beta1;
using Maci.Proto.Cosmos.Base.V1Beta1;
using Maci.Proto.Cosmos.Tx.V1Beta1;
using Maci.Modules.Auth.Types;

namespace Maci.Node.Cli;

/// <summary><c>macid tx bank send FROM TO AMOUNT</c>: build, simulate (gas auto), sign (DIRECT), broadcast_tx_sync, wait for inclusion.</summary>
public static class TxCommands
{
    public const double DefaultGasAdjustment = 1.4;

    public static Command Create(CliIo io)
    {
        var tx = new Command("tx", "Build, sign and broadcast transactions");
        var bank = new Command("bank", "Bank module transactions");
        bank.Subcommands.Add(Send(io));
        tx.Subcommands.Add(bank);
        tx.Subcommands.Add(OperatorTxCommands.Create(io));
        tx.Subcommands.Add(InsuranceTxCommands.Create(io));
        tx.Subcommands.Add(RoundTxCommands.Create(io));
        return tx;
    }

    private static Command Send(CliIo io)
    {
        var from = new Argument<string>("from") { Description = "Sender key name or address (in the keyring)" };
        var to = new Argument<string>("to") { Description = "Recipient address" };
        var amount = new Argument<string>("amount") { Description = "Coins, e.g. 1000umaci" };
        var flags = new TxFlags();
        var command = new Command("send", "Send coins") { from, to, amount };
        flags.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var coins = CoinText.ParseList(parse.GetValue(amount)!);
            var toAddress = parse.GetValue(to)!;
            ValidateAddress(toAddress);
            return await SubmitAsync(parse, flags, io, parse.GetValue(from)!, sender =>
            {
                var msg = new MsgSend { FromAddress = sender, ToAddress = toAddress };
                msg.Amount.AddRange(coins);
                return [msg];
            }, ct);
        });
        return command;
    }

    /// <summary>
    /// The shared pipeline of every tx command: resolve the signer, build the msgs for its address, simulate (gas auto),
    /// sign DIRECT, broadcast_tx_sync, wait for inclusion, print, and fail with one line when the tx failed.
    /// <paramref name="report"/> names event attributes of the included tx to print too (e.g. a new round id).
    /// </summary>
    public static async Task<int> SubmitAsync(ParseResult parse, TxFlags flags, CliIo io, string from,
        Func<string, IReadOnlyList<IMessage>> buildMsgs, CancellationToken ct, IReadOnlyList<TxEventField>? report = null)
    {
        var json = CliOptions.IsJson(parse.GetValue(flags.Output)!);
        var ring = KeysCommands.Open(parse.GetValue(flags.Home)!);
        KeyInfo info;
        try
        {
            info = ring.Show(from);
        }
        catch (KeyringException e)
        {
            throw new CliException(e.Message);
        }
        using var rpc = new NodeRpcClient(parse.GetValue(flags.Node)!);
        var account = await ChainQueries.AccountAsync(rpc, info.Address, ct)
                      ?? throw new CliException($"account {info.Address} does not exist on chain (fund it first)");
        var chain = parse.GetValue(flags.ChainId) ?? await ChainQueries.ChainIdAsync(rpc, ct);
        var body = TxBuilder.Body(buildMsgs(info.Address), parse.GetValue(flags.Memo)!);

        ulong gasLimit;
        var gasText = parse.GetValue(flags.Gas)!;
        if (gasText == "auto")
        {
            var sim = await SimulateAsync(rpc, TxBuilder.SimulateTx(body, info.PublicKey, account.Sequence), ct);
            gasLimit = (ulong)Math.Ceiling(sim * parse.GetValue(flags.GasAdjustment));
        }
        else if (!ulong.TryParse(gasText, NumberStyles.None, CultureInfo.InvariantCulture, out gasLimit) || gasLimit == 0)
            throw new CliException($"invalid --gas '{gasText}' (a positive integer or auto)");
        var fee = parse.GetValue(flags.Fees) is { } f ? CoinText.ParseList(f) : FeeFor(gasLimit, parse.GetValue(flags.GasPrices)!);

        var key = ring.Unlock(info.Name, Passphrase.Resolve(parse.GetValue(flags.Passphrase), io));
        var txBytes = TxBuilder.Sign(body, key, account.AccountNumber, account.Sequence, chain, fee, gasLimit);
        var (result, events) = await BroadcastAsync(rpc, txBytes, parse.GetValue(flags.NoWait) ? null : Config.DurationText.Parse(parse.GetValue(flags.Timeout)!), ct);
        foreach (var field in report ?? [])
            if (EventAttribute(events, field) is { } value) result[field.Name] = value;
        if (json) io.Json(result);
        else
        {
            io.Line($"txhash: {result["txhash"]}");
            if (result["height"] is { } h) io.Line($"height: {h}\ncode: {result["code"]}\ngas_used: {result["gas_used"]}\ngas_wanted: {result["gas_wanted"]}");
            foreach (var field in report ?? [])
                if (result[field.Name] is { } v) io.Line($"{field.Name}: {v}");
        }
        var code = (uint?)result["code"] ?? 0;
        if (code != 0) throw new CliException($"tx {result["txhash"]} failed with code {code} ({result["codespace"]}): {result["raw_log"]}");
        return 0;
    }

    public static void ValidateAddress(string address, string what = "recipient")
    {
        try
        {
            var (hrp, data) = Maci.Crypto.Cosmos.Bech32.Decode(address);
            if (hrp != KeysCommands.AddressPrefix || data.Length != 20) throw new FormatException("not a 20-byte maci address");
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new CliException($"invalid {what} address '{address}': {e.Message}");
        }
    }

    private static async Task<ulong> SimulateAsync(NodeRpcClient rpc, byte[] tx, CancellationToken ct)
    {
        var request = new SimulateRequest { TxBytes = ByteString.CopyFrom(tx) }.ToByteArray();
        var (code, log, value, _) = await rpc.QueryAsync("/cosmos.tx.v1beta1.Service/Simulate", request, ct, Enumerable.Range(1, 1000).Select(i => (uint)i).ToArray());
        if (code != 0) throw new CliException($"simulation failed with code {code}: {log}");
        return SimulateResponse.Parser.ParseFrom(value).GasInfo?.GasUsed ?? throw new CliException("simulation returned no gas info");
    }

    /// <summary>ceil(gas × price), the price an exact decimal like 0.0025umaci.</summary>
    public static IReadOnlyList<Coin> FeeFor(ulong gasLimit, string gasPrice)
    {
        GasPrice price;
        try
        {
            price = GasPrice.Parse(gasPrice);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new CliException($"invalid --gas-prices '{gasPrice}': {e.Message}");
        }
        return [new Coin { Denom = price.Denom, Amount = price.RequiredFee(gasLimit).ToString() }];
    }

    private static string? EventAttribute(JsonArray? events, TxEventField field) =>
        events?.Where(e => (string?)e?["type"] == field.EventType)
            .SelectMany(e => e!["attributes"] as JsonArray ?? [])
            .LastOrDefault(a => (string?)a?["key"] == field.Attribute)?["value"]?.GetValue<string>();

    private static async Task<(JsonObject Result, JsonArray? Events)> BroadcastAsync(NodeRpcClient rpc, byte[] tx, TimeSpan? wait, CancellationToken ct)
    {
        var check = await rpc.CallAsync("broadcast_tx_sync", new JsonObject { ["tx"] = Convert.ToBase64String(tx) }, ct);
        var hash = (string)check["hash"]!;
        var code = (uint?)check["code"] ?? 0;
        var result = new JsonObject
        {
            ["txhash"] = hash,
            ["code"] = code,
            ["codespace"] = (string?)check["codespace"] ?? "",
            ["raw_log"] = (string?)check["log"] ?? "",
        };
        if (code != 0 || wait is null) return (result, null);
        var deadline = DateTime.UtcNow + wait.Value;
        while (DateTime.UtcNow < deadline)
        {
            var found = await rpc.CallAsync("tx_search", new JsonObject { ["query"] = $"tx.hash='{hash}'", ["page"] = "1", ["per_page"] = "1" }, ct);
            if (found["txs"] is JsonArray { Count: > 0 } txs)
            {
                var t = txs[0]!;
                var r = t["tx_result"]!;
                result["height"] = (string?)t["height"];
                result["code"] = (uint?)r["code"] ?? 0;
                result["codespace"] = (string?)r["codespace"] ?? "";
                result["raw_log"] = (string?)r["log"] ?? "";
                result["gas_wanted"] = (string?)r["gas_wanted"] ?? "0";
                result["gas_used"] = (string?)r["gas_used"] ?? "0";
                return (result, r["events"] as JsonArray);
            }
            await Task.Delay(200, ct);
        }
        throw new CliException($"tx {hash} was accepted but not included within {wait.Value.TotalSeconds:0.#}s");
    }
}
