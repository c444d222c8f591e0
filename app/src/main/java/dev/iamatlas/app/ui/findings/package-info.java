/** The findings table: severity, rule, resource and message, filtered and sorted; selecting one shows its path. */
package dev.iamatlas.app.ui.findings;
