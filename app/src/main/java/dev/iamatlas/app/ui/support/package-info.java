/**
 * What every view and view model of the desktop app shares: background work ({@link
 * dev.iamatlas.app.ui.support.TaskExecutor}), dialogs ({@link dev.iamatlas.app.ui.support.DialogService}), the
 * clipboard, themes and remembered settings. View models depend on these interfaces only, so tests run them with
 * same-thread and recording implementations.
 */
package dev.iamatlas.app.ui.support;
