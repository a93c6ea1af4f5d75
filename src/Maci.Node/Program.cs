using Maci.Node.Cli;

return await MacidCli.RunAsync(args);
