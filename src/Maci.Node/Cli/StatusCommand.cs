using System.CommandLine;

namespace Maci.Node.Cli;

public static class StatusCommand
{
    public static Command Create(CliIo io) => new("todo-StatusCommand");
}
