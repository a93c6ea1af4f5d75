using System.CommandLine;

namespace Maci.Node.Cli;

/// <summary><c>macid status</c>: the node's chain id, latest block and validator.</summary>
public static class StatusCommand
{
    public static Command Create(CliIo io)
    {
        var (output, node) = (CliOptions.Output(), CliOptions.Node());
        var command = new Command("status", "Node status (chain id, latest height)") { output, node };
        command.SetAction(async (parse, ct) =>
        {
            var json = CliOptions.IsJson(parse.GetValue(output)!);
            using var rpc = new NodeRpcClient(parse.GetValue(node)!);
            var status = await rpc.CallAsync("status", ct: ct);
            if (json) io.Json(status.DeepClone());
            else
            {
                var sync = status["sync_info"]!;
                io.Line($"chain_id: {status["node_info"]!["network"]}\nmoniker: {status["node_info"]!["moniker"]}\n" +
                        $"latest_block_height: {sync["latest_block_height"]}\nlatest_block_hash: {sync["latest_block_hash"]}\n" +
                        $"latest_block_time: {sync["latest_block_time"]}\ncatching_up: {sync["catching_up"]}");
            }
            return 0;
        });
        return command;
    }
}
