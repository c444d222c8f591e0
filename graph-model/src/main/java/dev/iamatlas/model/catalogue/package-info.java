/**
 * The IAM action catalogue: every action of every AWS service prefix with its exact casing, its
 * access level and the resource types it applies to, read from the data shipped in the
 * {@code resources} module ({@code /dev/iamatlas/resources/action-catalogue.json}, generated from the
 * AWS Service Authorization Reference). {@link dev.iamatlas.model.catalogue.ActionCatalogue} answers
 * lookups and expands IAM action wildcards; it is self-contained and depends on no other model package.
 */
package dev.iamatlas.model.catalogue;
