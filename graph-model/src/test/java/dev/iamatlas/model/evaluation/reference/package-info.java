/**
 * The independent yardstick for the policy evaluator: a deliberately simple reference evaluator
 * written from the AWS documentation alone, a seeded random case generator for differential
 * testing, and the reader of the documentation case table in {@code policy-cases/}. Test code only;
 * nothing here may depend on {@code src/main}.
 */
package dev.iamatlas.model.evaluation.reference;
