package dev.iamatlas.model.rules;

import dev.iamatlas.model.catalogue.AccessLevel;
import dev.iamatlas.model.graph.EdgeStatus;
import java.util.List;

/**
 * What a principal can do with one service on one resource pattern, after boundaries, SCPs and explicit denies.
 *
 * @param service the service prefix, or {@code *} when the capability spans many services (or all actions)
 * @param resource the resource pattern as written in the policy ({@code *}, {@code arn:aws:dynamodb:...:table/orders})
 * @param status ALLOWED when some action is allowed outright, CONDITIONAL when only under conditions the snapshot
 *     cannot decide, DENIED when the identity policies allow the actions but something else denies all of them
 * @param actions the allowed and conditional actions ({@code dynamodb:GetItem}), sorted; empty when there are more
 *     than {@link #MAX_LISTED} (see {@link #actionCount()})
 * @param actionCount how many actions are allowed or conditional
 * @param conditionalActions the actions allowed only conditionally (at most {@link #MAX_LISTED})
 * @param services the services spanned, for a {@code *} capability; else the one service
 * @param allActionsOfService whether every action of the service (or, for {@code *}, of every service) is included
 * @param level the highest access level among the actions
 * @param adminReasons why this capability is admin-equivalent (empty when it is not)
 * @param representatives a few actions whose evaluation stands for all (evidence re-evaluates them)
 */
public record Capability(String service, String resource, EdgeStatus status, List<String> actions, int actionCount,
        List<String> conditionalActions, List<String> services, boolean allActionsOfService, AccessLevel level,
        List<String> adminReasons, List<String> representatives) {

    /** The most actions listed by name. */
    public static final int MAX_LISTED = 200;

    public Capability {
        actions = List.copyOf(actions);
        conditionalActions = List.copyOf(conditionalActions);
        services = List.copyOf(services);
        adminReasons = List.copyOf(adminReasons);
        representatives = List.copyOf(representatives);
    }

    /** A short resource label: {@code table/orders} for {@code arn:aws:dynamodb:us-east-1:1:table/orders}. */
    public String shortResource() {
        if (!resource.startsWith("arn:")) {
            return resource;
        }
        String[] p = resource.split(":", 6);
        return p.length == 6 && !p[5].isEmpty() ? p[5] : resource;
    }

    /** The node label: "dynamodb on table/orders", "all actions on *", "14 services on *". */
    public String nodeLabel() {
        if (service.equals("*")) {
            return (allActionsOfService ? "all actions" : services.size() + " services") + " on " + shortResource();
        }
        return service + " on " + shortResource();
    }

    /** The edge label: "GetItem, Query", "all actions", "GetItem, Query, PutItem, +9 more". */
    public String edgeLabel() {
        if (allActionsOfService) {
            return "all actions";
        }
        if (service.equals("*")) {
            return actionCount + " actions";
        }
        if (actions.isEmpty()) {
            return actionCount + " actions";
        }
        StringBuilder sb = new StringBuilder();
        int shown = Math.min(actions.size(), actions.size() > 4 ? 3 : 4);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            String a = actions.get(i);
            sb.append(a.substring(a.indexOf(':') + 1));
        }
        if (actionCount > shown) {
            sb.append(", +").append(actionCount - shown).append(" more");
        }
        return sb.toString();
    }
}
