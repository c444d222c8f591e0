package dev.iamatlas.model.evaluation;

/**
 * Decides requests the way AWS does.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html">Policy evaluation logic</a>
 */
public interface PolicyEvaluator {

    /** Decides the request; the decision carries no evidence (the fast path: no strings, few objects). */
    Decision evaluate(EvaluationRequest request);

    /** Decides the request and records the evidence: applicable statements, conditions, deciding statements. */
    Decision explain(EvaluationRequest request);
}
