using System.CommandLine;

namespace Maci.Node.Cli;

public static class KeysCommands
{
    public static Command Create(CliIo io) => new("todo-KeysCommands");
}
