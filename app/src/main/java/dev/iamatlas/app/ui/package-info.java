/**
 * The JavaFX desktop app: {@link dev.iamatlas.app.ui.IamAtlasApplication} and one sub-package per feature. Only
 * this package tree touches JavaFX; views bind to view models, which hold state and commands as properties.
 */
package dev.iamatlas.app.ui;
