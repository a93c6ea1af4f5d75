using System.CommandLine;

namespace Maci.Node.Cli;

public static class CometConfigCommand
{
    public static Command Create(CliIo io) => new("todo-CometConfigCommand");
}
