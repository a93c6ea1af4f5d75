using System.CommandLine;

namespace Maci.Node.Cli;

public static class QueryCommands
{
    public static Command Create(CliIo io) => new("todo-QueryCommands");
}
