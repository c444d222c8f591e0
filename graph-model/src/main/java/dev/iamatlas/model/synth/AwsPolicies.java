package dev.iamatlas.model.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamatlas.model.snapshot.PolicyText;
import java.util.List;
import java.util.Objects;

/**
 * Writes policy documents as AWS stores them: {@code Version 2012-10-17}, a single action or resource as a
 * string and several as a list, principals as {@code {"Service": ...}}, {@code {"AWS": ...}},
 * {@code {"Federated": ...}} or {@code "*"}. The {@link PolicyText} it returns is canonical, as a scan would
 * record it.
 */
public final class AwsPolicies {
    /** The policy language version every document here declares. */
    public static final String VERSION = "2012-10-17";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AwsPolicies() {
    }

    /** A new statement with {@code Effect: Allow}. */
    public static Statement allow() {
        return new Statement("Allow");
    }

    /** A new statement with {@code Effect: Deny}. */
    public static Statement deny() {
        return new Statement("Deny");
    }

    /** An identity, trust, SCP or API resource policy: {@code {"Version": ..., "Statement": [...]}}. */
    public static PolicyText document(Statement... statements) {
        return document(List.of(statements));
    }

    /** As {@link #document(Statement...)}. */
    public static PolicyText document(List<Statement> statements) {
        return PolicyText.of(documentNode(null, statements).toString());
    }

    /**
     * A Lambda function policy as {@code GetPolicy} returns it: {@code "Id": "default"} and the statements that
     * {@code add-permission} added, in order.
     */
    public static PolicyText lambdaPolicy(List<Statement> statements) {
        return PolicyText.of(documentNode("default", statements).toString());
    }

    /** The trust policy of a role that the AWS service {@code service} assumes (such as {@code lambda.amazonaws.com}). */
    public static PolicyText serviceTrust(String service) {
        return document(allow().service(service).action("sts:AssumeRole"));
    }

    private static ObjectNode documentNode(String id, List<Statement> statements) {
        Objects.requireNonNull(statements, "statements");
        ObjectNode doc = JSON.objectNode();
        doc.put("Version", VERSION);
        if (id != null) {
            doc.put("Id", id);
        }
        ArrayNode list = doc.putArray("Statement");
        statements.forEach(s -> list.add(s.toJson()));
        return doc;
    }

    /** One statement, built in the order AWS prints its elements. */
    public static final class Statement {
        private final ObjectNode node = JSON.objectNode();

        private Statement(String effect) {
            node.put("Effect", effect);
        }

        public Statement sid(String sid) {
            node.put("Sid", sid);
            return this;
        }

        /** {@code "Principal": {"Service": service}}. */
        public Statement service(String service) {
            node.putObject("Principal").put("Service", service);
            return this;
        }

        /** {@code "Principal": {"AWS": arn}}, or a list for several. */
        public Statement aws(String... arns) {
            node.putObject("Principal").set("AWS", values(arns));
            return this;
        }

        /** {@code "Principal": {"Federated": provider}}. */
        public Statement federated(String provider) {
            node.putObject("Principal").put("Federated", provider);
            return this;
        }

        /** {@code "Principal": "*"}. */
        public Statement anyone() {
            node.put("Principal", "*");
            return this;
        }

        public Statement action(String... actions) {
            node.set("Action", values(actions));
            return this;
        }

        public Statement notAction(String... actions) {
            node.set("NotAction", values(actions));
            return this;
        }

        public Statement resource(String... resources) {
            node.set("Resource", values(resources));
            return this;
        }

        /** {@code "Condition": {operator: {key: value(s)}}}, merged with conditions already set. */
        public Statement condition(String operator, String key, String... values) {
            ObjectNode conditions = node.has("Condition") ? (ObjectNode) node.get("Condition")
                    : node.putObject("Condition");
            ObjectNode op = conditions.has(operator) ? (ObjectNode) conditions.get(operator)
                    : conditions.putObject(operator);
            op.set(key, values(values));
            return this;
        }

        /** The statement as JSON (a copy). */
        public ObjectNode toJson() {
            return node.deepCopy();
        }

        private static JsonNode values(String... values) {
            if (values.length == 0) {
                throw new IllegalArgumentException("at least one value is needed");
            }
            if (values.length == 1) {
                return JSON.textNode(values[0]);
            }
            ArrayNode list = JSON.arrayNode();
            for (String v : values) {
                list.add(v);
            }
            return list;
        }
    }
}
