/** The warnings panel: what the scan could not read (scan gaps), so missing data is never mistaken for absence. */
package dev.iamatlas.app.ui.warnings;
