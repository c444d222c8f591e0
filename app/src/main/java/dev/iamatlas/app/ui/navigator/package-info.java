/**
 * The navigator: a tree of the account (regions, APIs, stages, routes, functions, roles, users and groups) with a
 * search box that filters by name or ARN and selects the match in the graph.
 */
package dev.iamatlas.app.ui.navigator;
