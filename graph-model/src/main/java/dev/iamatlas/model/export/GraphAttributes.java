package dev.iamatlas.model.export;

import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.Node;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The attributes every exported node and edge carries, the same in every format. Node: {@code id, kind, kindName,
 * tier, label, arn, account, region, group} and the node's own attributes ({@code stage, method, path,
 * authorizationType, adminEquivalent, ...}). Edge: {@code id, type, status, label, source, target, derived} and the
 * edge's own attributes ({@code sourceArn, statementIds, actions, ...}). Absent values are left out.
 */
final class GraphAttributes {
    private GraphAttributes() {
    }

    static Map<String, String> node(Node n) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("id", n.id());
        a.put("kind", n.kind().name());
        a.put("kindName", n.kind().displayName());
        a.put("tier", n.kind().tier().name());
        a.put("label", n.label());
        putIfPresent(a, "arn", n.arn());
        putIfPresent(a, "account", n.account());
        putIfPresent(a, "region", n.region());
        putIfPresent(a, "group", n.groupId());
        n.attributes().forEach(a::putIfAbsent);
        return a;
    }

    static Map<String, String> edge(AccessEdge e) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("id", e.id());
        a.put("type", e.type().name());
        a.put("status", e.status().name());
        a.put("label", e.label());
        a.put("source", e.sourceId());
        a.put("target", e.targetId());
        a.put("derived", Boolean.toString(e.derived()));
        e.attributes().forEach(a::putIfAbsent);
        return a;
    }

    private static void putIfPresent(Map<String, String> a, String name, String value) {
        if (value != null) {
            a.put(name, value);
        }
    }
}
