using System.CommandLine;

namespace Maci.Node.Cli;

public static class TxCommands
{
    public static Command Create(CliIo io) => new("todo-TxCommands");
}
