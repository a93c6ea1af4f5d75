using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Maci.Crypto.Tests")]
