using BenchmarkDotNet.Running;

// `-- --filter '*'` runs every benchmark; `-- --list flat` lists them; any BenchmarkDotNet option works.
BenchmarkSwitcher.FromAssembly(typeof(ManifestLint.Benchmarks.HotPaths).Assembly).Run(args);
