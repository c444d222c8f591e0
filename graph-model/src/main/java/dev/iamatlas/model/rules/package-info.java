/**
 * The rules that build the access graph: one small pure class per kind of link
 * ({@link dev.iamatlas.model.rules.CallersReachRoutes}, {@link dev.iamatlas.model.rules.RoutesInvokeFunctions},
 * {@link dev.iamatlas.model.rules.PrincipalsAssumeRoles}, ...), registered in
 * {@link dev.iamatlas.model.rules.RuleRegistry}, each deciding its edges with the policy evaluator through
 * {@link dev.iamatlas.model.rules.Check}; and the {@link dev.iamatlas.model.rules.AccessEngine} that runs them in
 * parallel and re-runs only the units whose inputs an edit changed.
 */
package dev.iamatlas.model.rules;
