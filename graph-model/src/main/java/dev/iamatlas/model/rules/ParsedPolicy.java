package dev.iamatlas.model.rules;

import dev.iamatlas.model.policy.ActionPattern;
import dev.iamatlas.model.policy.Condition;
import dev.iamatlas.model.policy.Effect;
import dev.iamatlas.model.policy.PolicyDocument;
import dev.iamatlas.model.policy.PolicyTemplate;
import dev.iamatlas.model.policy.ResourcePattern;
import dev.iamatlas.model.policy.Statement;
import dev.iamatlas.model.snapshot.PolicyText;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One distinct policy text, parsed once (see {@link PolicyLibrary}), with what the analysis needs to know about it
 * without evaluating: the context keys its conditions and variables use, and whether its meaning depends on who
 * the principal is (policy variables, {@code aws:Principal*} keys).
 */
public final class ParsedPolicy {
    private final int id;
    private final PolicyText text;
    private final PolicyDocument document;
    private final String error;
    private final Set<String> keys;
    private final boolean principalDependent;

    ParsedPolicy(int id, PolicyText text, PolicyDocument document, String error) {
        this.id = id;
        this.text = text;
        this.document = document;
        this.error = error;
        Set<String> k = new HashSet<>();
        boolean dependent = false;
        if (document != null) {
            for (Statement s : document.statements()) {
                addKeys(s, k);
            }
            for (String key : k) {
                if (isPrincipalKey(key)) {
                    dependent = true;
                }
            }
        }
        this.keys = Collections.unmodifiableSet(k);
        this.principalDependent = dependent;
    }

    /** Adds the context keys a statement's conditions and resource variables use, lower case. */
    private static void addKeys(Statement s, Set<String> keys) {
        for (Condition c : s.conditions()) {
            keys.add(c.lowerCaseKey());
            for (PolicyTemplate t : c.templates()) {
                keys.addAll(t.variableKeys());
            }
        }
        addVariableKeys(keys, s.resource());
        addVariableKeys(keys, s.notResource());
    }

    private static void addVariableKeys(Set<String> keys, List<ResourcePattern> patterns) {
        if (patterns != null) {
            for (ResourcePattern p : patterns) {
                keys.addAll(p.template().variableKeys());
            }
        }
    }

    /**
     * Whether one statement means different things for different principals: a condition on a principal key
     * ({@code aws:PrincipalArn}, {@code aws:PrincipalTag/...}, {@code aws:username}, ...) or a policy variable of one.
     */
    static boolean principalDependent(Statement s) {
        Set<String> k = new HashSet<>();
        addKeys(s, k);
        for (String key : k) {
            if (isPrincipalKey(key)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPrincipalKey(String lowerKey) {
        return lowerKey.startsWith("aws:principal") || lowerKey.equals("aws:userid") || lowerKey.equals("aws:username");
    }

    /** A small number unique to this text within its library, for cache keys. */
    public int id() {
        return id;
    }

    /** The text. */
    public PolicyText text() {
        return text;
    }

    /** The parsed document, or null when the text is not a valid policy (see {@link #error()}). */
    public PolicyDocument document() {
        return document;
    }

    /** Whether the text parsed. */
    public boolean valid() {
        return document != null;
    }

    /** Why the text did not parse, or null. */
    public String error() {
        return error;
    }

    /** The context keys (lower case) used by conditions and policy variables. */
    public Set<String> keys() {
        return keys;
    }

    /** Whether the policy means different things for different principals (variables, principal keys). */
    public boolean principalDependent() {
        return principalDependent;
    }

    /**
     * Whether some Allow statement's Action (or NotAction) matches {@code action}: a necessary condition for this
     * policy to allow it, used to skip evaluations that cannot succeed. Linear in the statements.
     */
    public boolean mayAllow(String action) {
        return mayAllowLowerCase(action.toLowerCase(Locale.ROOT));
    }

    /** {@link #mayAllow} for an action already in lower case. */
    boolean mayAllowLowerCase(String lower) {
        if (document == null) {
            return false;
        }
        // The last answer is kept: an edit of a widely attached policy asks every principal that holds it whether it
        // may call sts:AssumeRole, and most policies are held by many principals.
        Answer last = lastMayAllow;
        if (last != null && last.action.equals(lower)) {
            return last.allows;
        }
        boolean allows = false;
        List<Statement> statements = document.statements();
        for (int i = 0; i < statements.size() && !allows; i++) {
            allows = statements.get(i).effect() == Effect.ALLOW && actionMatches(statements.get(i), lower);
        }
        lastMayAllow = new Answer(lower, allows);
        return allows;
    }

    /** An action asked about and the answer. */
    private record Answer(String action, boolean allows) {
    }

    private volatile Answer lastMayAllow;

    /**
     * Whether some Allow statement's action matches {@code action} and its Resource could match {@code resource}
     * (matches it, uses policy variables, or is a NotResource).
     */
    public boolean mayAllowOn(String action, String resource) {
        return mayAllowOnLowerCase(action.toLowerCase(Locale.ROOT), resource);
    }

    /** {@link #mayAllowOn} for an action already in lower case. */
    boolean mayAllowOnLowerCase(String lower, String resource) {
        if (document == null) {
            return false;
        }
        for (Statement s : document.statements()) {
            if (s.effect() != Effect.ALLOW || !actionMatches(s, lower)) {
                continue;
            }
            if (s.resource() == null) {
                return true;
            }
            for (ResourcePattern p : s.resource()) {
                if (p.template().hasVariables() || p.matches(resource)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the statement's Action or NotAction element matches the lower-cased action. */
    public static boolean mayAllowAction(Statement s, String lowerAction) {
        return actionMatches(s, lowerAction);
    }

    /** Whether the statement's Action or NotAction element matches the lower-cased action. */
    static boolean actionMatches(Statement s, String lowerAction) {
        List<ActionPattern> patterns = s.action() != null ? s.action() : s.notAction();
        for (int i = 0; i < patterns.size(); i++) { // indexed: no iterator per statement
            if (patterns.get(i).matchesLowerCase(lowerAction)) {
                return s.action() != null;
            }
        }
        return s.action() == null;
    }

    @Override
    public String toString() {
        return "policy#" + id + (valid() ? "" : " (invalid: " + error + ")");
    }
}
