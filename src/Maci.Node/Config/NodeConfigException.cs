namespace Maci.Node.Config;

/// <summary>A missing or invalid node configuration file or setting; the message names the file and the problem.</summary>
public sealed class NodeConfigException(string message, Exception? inner = null) : Exception(message, inner);
