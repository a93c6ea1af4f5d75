using System.Text;

namespace Maci.Node.Cli;

/// <summary>Keyring passphrase: --keyring-passphrase, else $MACI_KEYRING_PASSPHRASE, else a prompt (no echo on a terminal).</summary>
public static class Passphrase
{
    public const string EnvVar = "MACI_KEYRING_PASSPHRASE";

    public static string Resolve(string? option, CliIo io)
    {
        if (!string.IsNullOrEmpty(option)) return option;
        if (Environment.GetEnvironmentVariable(EnvVar) is { Length: > 0 } env) return env;
        io.Err.Write("Enter keyring passphrase: ");
        io.Err.Flush();
        if (Console.IsInputRedirected)
            return Console.In.ReadLine() ?? throw new CliException($"no keyring passphrase (use --keyring-passphrase or ${EnvVar})");
        var sb = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace) { if (sb.Length > 0) sb.Length--; }
            else sb.Append(key.KeyChar);
        }
        io.Err.WriteLine();
        return sb.ToString();
    }
}
