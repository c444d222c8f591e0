/**
 * The policy evaluator: AWS's documented evaluation logic over identity policies, a resource
 * policy, a permissions boundary, a session policy, SCPs and RCPs, returning a {@link
 * dev.iamatlas.model.evaluation.Decision} with its evidence. Knows nothing of graphs. Supports
 * three-valued evaluation for context keys a static snapshot cannot know (see {@link
 * dev.iamatlas.model.evaluation.EvaluationRequest.Builder#unknownKey(String)}).
 */
package dev.iamatlas.model.evaluation;
