/**
 * The IAM policy language: immutable, pre-compiled {@link dev.iamatlas.model.policy.PolicyDocument}s
 * and their parts, and {@link dev.iamatlas.model.policy.PolicyParser}, which reads the forms AWS
 * returns policies in (plain JSON, URL-encoded, JSON-escaped). Evaluation lives in
 * {@code dev.iamatlas.model.evaluation}.
 */
package dev.iamatlas.model.policy;
