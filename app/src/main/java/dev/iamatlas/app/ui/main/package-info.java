/**
 * The main window: menus, toolbar, the panels (navigator, graph canvas, inspector, findings, warnings), the
 * status bar; and its view model, which opens, saves and exports, and remembers settings.
 */
package dev.iamatlas.app.ui.main;
