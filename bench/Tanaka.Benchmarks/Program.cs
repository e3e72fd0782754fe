using BenchmarkDotNet.Running;

// `dotnet run -c Release --project bench/Tanaka.Benchmarks -- --filter '*Crdt*'` (or '*Storage*',
// '*Sync*', '*' for all). Every BenchmarkDotNet argument works, e.g. `--job short` for a quick look.
BenchmarkSwitcher.FromAssembly(typeof(Tanaka.Benchmarks.WorkspaceInput).Assembly).Run(args);
