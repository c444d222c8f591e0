package dev.iamatlas.model.graph;

/** Whether the link an edge stands for works. */
public enum EdgeStatus {
    /** The policies allow it, whatever the request context. */
    ALLOWED,
    /**
     * The link is configured (or asked about) but the policies do not allow it. Such edges stay in the graph:
     * a broken link is what users come to debug.
     */
    DENIED,
    /**
     * It depends on something the snapshot cannot know: request context such as the caller's IP address or an
     * authorizer's answer, or data the scan could not read.
     */
    CONDITIONAL
}
