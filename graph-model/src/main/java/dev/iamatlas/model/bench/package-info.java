/**
 * Benchmarks of the analysis: {@link dev.iamatlas.model.bench.AccessGraphBenchmark} opens an account's analysis and
 * times it and single-policy what-if edits ({@link dev.iamatlas.model.bench.BenchmarkEdits}) on any account, such as
 * the {@code synth} generator's or the harsher {@link dev.iamatlas.model.bench.StressAccount}. Pure: results come
 * back as values; the {@code bench graph} command prints them.
 */
package dev.iamatlas.model.bench;
