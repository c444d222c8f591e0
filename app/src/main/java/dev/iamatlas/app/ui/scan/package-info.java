/**
 * The scan dialog: profile, regions and optional endpoint, role and external id; then a live view of the scan
 * (progress per service and region, API calls, gaps as they happen) with cancel, which keeps what was gathered.
 * The scanner is a dependency of the view model, so tests drive it with a fake.
 */
package dev.iamatlas.app.ui.scan;
