/**
 * The live AWS scanner: reads IAM, Organizations, Lambda and API Gateway through the AWS SDK for Java v2 into an
 * {@link dev.iamatlas.model.snapshot.AccountSnapshot}. {@link dev.iamatlas.app.scan.AwsScanner} is the service both
 * front ends call; everything else here is how it works: one collector per service, pacing to the documented
 * API rate limits, retries, the read-only guard and the call counter.
 */
package dev.iamatlas.app.scan;
