// Benchmark entry point: `dotnet run -c Release --project bench/Maci.Bench -- <suite>`.
// Each suite registers itself in BenchSuites; figures are printed as they are measured.
return Maci.Bench.BenchSuites.Run(args);
