package dev.iamatlas.app.ui.navigator;

import dev.iamatlas.model.graph.NodeIds;
import dev.iamatlas.app.ui.graph.GraphViewModel;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.ApiV2;
import dev.iamatlas.model.snapshot.IamGroup;
import dev.iamatlas.model.snapshot.IamRole;
import dev.iamatlas.model.snapshot.IamUser;
import dev.iamatlas.model.snapshot.LambdaFunction;
import dev.iamatlas.model.snapshot.RestApi;
import dev.iamatlas.model.snapshot.RestMethod;
import dev.iamatlas.model.snapshot.RestResource;
import dev.iamatlas.model.snapshot.RestStage;
import dev.iamatlas.model.snapshot.RouteV2;
import dev.iamatlas.model.snapshot.StageV2;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The navigator's tree, built from the snapshot (account → regions → APIs → stages → routes; functions; roles;
 * users and groups), and its filter. Items carry diagram node ids (ARNs, execute-api ARNs for routes), so
 * selecting one selects it in the graph whatever adapter drew the graph.
 */
public final class NavigatorViewModel {
    private final GraphViewModel graph;
    private final ObjectProperty<NavItem> root = new SimpleObjectProperty<>(NavItem.folder("No snapshot", "", List.of()));
    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<NavItem> shown = new ReadOnlyObjectWrapper<>();

    public NavigatorViewModel(GraphViewModel graph) {
        this.graph = graph;
        root.addListener((o, a, b) -> refilter());
        filter.addListener((o, a, b) -> refilter());
        refilter();
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** The tree as filtered: items that match, with their ancestors; everything when the filter is blank. */
    public ReadOnlyObjectProperty<NavItem> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public NavItem root() {
        return root.get();
    }

    /** Rebuilds the tree for a snapshot (or an empty tree for null). */
    public void show(AccountSnapshot snapshot) {
        filter.set("");
        root.set(snapshot == null ? NavItem.folder("No snapshot", "", List.of()) : build(snapshot));
    }

    /** Selects the item's node (or group) in the graph; folders do nothing. */
    public boolean select(NavItem item) {
        if (item == null || item.nodeId() == null) {
            return false;
        }
        return item.group() ? graph.revealGroup(item.nodeId()) : graph.reveal(item.nodeId());
    }

    /** The first leaf that matches the filter, depth first. */
    public Optional<NavItem> firstMatch() {
        String query = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        if (query.isEmpty()) {
            return Optional.empty();
        }
        return firstMatch(root.get(), query);
    }

    /** Selects the first match in the graph (the search box's Enter). */
    public boolean selectFirstMatch() {
        return firstMatch().map(this::select).orElse(false);
    }

    private Optional<NavItem> firstMatch(NavItem item, String query) {
        if (item.nodeId() != null && item.matches(query)) {
            return Optional.of(item);
        }
        for (NavItem child : item.children()) {
            Optional<NavItem> found = firstMatch(child, query);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private void refilter() {
        String query = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        if (query.isEmpty()) {
            shown.set(root.get());
            return;
        }
        NavItem filtered = filter(root.get(), query);
        shown.set(filtered == null ? root.get().withChildren(List.of()) : filtered);
    }

    private static NavItem filter(NavItem item, String query) {
        if (item.nodeId() != null && item.matches(query)) {
            return item;
        }
        List<NavItem> kept = new ArrayList<>();
        for (NavItem child : item.children()) {
            NavItem k = filter(child, query);
            if (k != null) {
                kept.add(k);
            }
        }
        return kept.isEmpty() ? null : item.withChildren(kept);
    }

    // ------------------------------------------------------------------------------------------------- building

    static NavItem build(AccountSnapshot s) {
        String partition = s.metadata().partition();
        String account = s.accountId();
        TreeSet<String> regions = new TreeSet<>();
        s.restApis().forEach(a -> regions.add(region(a.region())));
        s.apisV2().forEach(a -> regions.add(region(a.region())));
        s.functions().forEach(f -> regions.add(region(f.region())));

        List<NavItem> regionItems = new ArrayList<>();
        for (String region : regions) {
            List<NavItem> apis = new ArrayList<>();
            for (RestApi api : s.restApis()) {
                if (region(api.region()).equals(region)) {
                    apis.add(restApi(api, partition, account));
                }
            }
            for (ApiV2 api : s.apisV2()) {
                if (region(api.region()).equals(region)) {
                    apis.add(apiV2(api, partition, account));
                }
            }
            List<NavItem> functions = s.functions().stream().filter(f -> region(f.region()).equals(region))
                    .sorted(Comparator.comparing(LambdaFunction::name))
                    .map(NavigatorViewModel::function).toList();
            List<NavItem> children = new ArrayList<>();
            if (!apis.isEmpty()) {
                children.add(NavItem.folder("APIs", Integer.toString(apis.size()), apis));
            }
            if (!functions.isEmpty()) {
                children.add(NavItem.folder("Functions", Integer.toString(functions.size()), functions));
            }
            regionItems.add(NavItem.folder(region, "region", children));
        }
        List<NavItem> roles = s.iam().roles().stream().sorted(Comparator.comparing(IamRole::name))
                .map(r -> NavItem.leaf(r.name(), r.serviceLinked() ? "service-linked" : "", r.arn(), r.arn()))
                .toList();
        List<NavItem> principals = new ArrayList<>();
        s.iam().users().stream().sorted(Comparator.comparing(IamUser::name))
                .forEach(u -> principals.add(NavItem.leaf(u.name(), "user", u.arn(), u.arn())));
        s.iam().groups().stream().sorted(Comparator.comparing(IamGroup::name))
                .forEach(g -> principals.add(NavItem.leaf(g.name(), "group", g.arn(), g.arn())));

        List<NavItem> top = new ArrayList<>(regionItems);
        if (!roles.isEmpty()) {
            top.add(NavItem.folder("Roles", Integer.toString(roles.size()), roles));
        }
        if (!principals.isEmpty()) {
            top.add(NavItem.folder("Users and groups", Integer.toString(principals.size()), principals));
        }
        String alias = s.metadata().accountAlias();
        return NavItem.folder(alias == null ? account : alias + " (" + account + ")", "account", top);
    }

    /** A function, with its aliases and published versions (each a node of its own in the graph). */
    private static NavItem function(LambdaFunction f) {
        List<NavItem> qualifiers = new ArrayList<>();
        f.aliases().forEach(a -> qualifiers.add(NavItem.leaf(f.name() + ":" + a.name(), "alias → " + a.functionVersion(),
                a.arn(), a.arn())));
        f.versions().forEach(v -> qualifiers.add(NavItem.leaf(f.name() + ":" + v.version(), "version", v.arn(),
                v.arn())));
        return new NavItem(f.name(), f.runtime(), f.arn(), false, f.arn(), qualifiers);
    }

    private static NavItem restApi(RestApi api, String partition, String account) {
        List<NavItem> stages = new ArrayList<>();
        for (RestStage stage : api.stages()) {
            List<NavItem> routes = new ArrayList<>();
            for (RestResource resource : api.resources()) {
                for (RestMethod method : resource.methods()) {
                    String arn = NodeIds.restRoute(partition, api.region(), account, api.id(), stage.name(),
                            method.httpMethod(), resource.path());
                    routes.add(NavItem.leaf(method.httpMethod() + " " + resource.path(), method.authorizationType(),
                            arn, arn));
                }
            }
            stages.add(NavItem.folder(stage.name(), "stage", routes));
        }
        String name = api.name() == null ? api.id() : api.name();
        String id = NodeIds.restApi(partition, api.region(), api.id());
        return new NavItem(name, "REST · " + String.join(",", api.endpointTypes()), id, true, id, stages);
    }

    private static NavItem apiV2(ApiV2 api, String partition, String account) {
        List<NavItem> stages = new ArrayList<>();
        for (StageV2 stage : api.stages()) {
            List<NavItem> routes = new ArrayList<>();
            for (RouteV2 route : api.routes()) {
                String arn = NodeIds.v2Route(partition, api.region(), account, api.apiId(), stage.stageName(),
                        route.routeKey());
                routes.add(NavItem.leaf(route.routeKey(), route.authorizationType(), arn, arn));
            }
            stages.add(NavItem.folder(stage.stageName(), "stage", routes));
        }
        String name = api.name() == null ? api.apiId() : api.name();
        String id = NodeIds.apiV2(partition, api.region(), api.apiId());
        return new NavItem(name, api.protocolType(), id, true, id, stages);
    }

    private static String region(String region) {
        return region == null ? "(no region)" : region;
    }
}
