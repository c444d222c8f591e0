/**
 * Importers that turn dumps made with the AWS CLI into snapshots. {@link dev.iamatlas.model.importer.GaadImporter}
 * reads the output of {@code aws iam get-account-authorization-details}; a policy it cannot read becomes a warning
 * and a scan gap, never a failed import.
 */
package dev.iamatlas.model.importer;
