/**
 * Synthetic accounts: {@link dev.iamatlas.model.synth.SyntheticAccountGenerator} builds a large, realistic,
 * deterministic {@link dev.iamatlas.model.snapshot.AccountSnapshot} for benchmarks and tests, and the helpers
 * ({@link dev.iamatlas.model.synth.Arns}, {@link dev.iamatlas.model.synth.AwsPolicies},
 * {@link dev.iamatlas.model.synth.LambdaPermissions}, {@link dev.iamatlas.model.synth.AwsManagedPolicies}) write
 * ARNs and policy documents exactly as AWS stores them. Pure: no I/O, no clock.
 */
package dev.iamatlas.model.synth;
