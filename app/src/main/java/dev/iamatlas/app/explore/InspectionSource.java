package dev.iamatlas.app.explore;

import java.util.Optional;

/**
 * What the inspector can learn about the nodes and edges of a diagram, by id. The adapter that builds the
 * diagram implements it from the access graph, whose edges carry the evaluated requests, the deciding statements
 * and the condition results.
 */
public interface InspectionSource {
    /** Knows nothing about anything. */
    InspectionSource NONE = new InspectionSource() {
        @Override
        public Optional<Inspection> node(String nodeId) {
            return Optional.empty();
        }

        @Override
        public Optional<Inspection> edge(String edgeId) {
            return Optional.empty();
        }
    };

    /** Details of a node of the diagram, or empty for an unknown id. */
    Optional<Inspection> node(String nodeId);

    /** Details of an edge of the diagram, or empty for an unknown id. */
    Optional<Inspection> edge(String edgeId);

    /**
     * The access graph's facts about a node ({@code dev.iamatlas.model.graph.Node} attribute names: stage, method,
     * path, apiId, qualifier, ...), for actions such as what-if edits; empty when unknown.
     */
    default java.util.Map<String, String> nodeAttributes(String nodeId) {
        return java.util.Map.of();
    }

    /** The access graph's facts about an edge ({@code AccessEdge} attribute names), or empty. */
    default java.util.Map<String, String> edgeAttributes(String edgeId) {
        return java.util.Map.of();
    }
}
