package dev.iamatlas.model.evaluation;

import dev.iamatlas.model.evaluation.condition.ConditionInput;
import dev.iamatlas.model.policy.VariableResolver;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The request context: condition keys (case-insensitive) with one or more string values, and which
 * keys the request does not carry are <em>unknown</em> rather than absent.
 *
 * <p>A key that has a value is known, even if also declared unknown. A key without a value is
 * unknown when declared so (or when every missing key is unknown), else absent. With no unknown keys,
 * evaluation is AWS's two-valued logic exactly.
 */
public final class RequestContext implements ConditionInput, VariableResolver {
    private final Map<String, List<String>> values;
    private final Set<String> unknownKeys;
    private final boolean missingKeysUnknown;

    RequestContext(Map<String, List<String>> lowerCaseValues, Set<String> lowerCaseUnknownKeys, boolean missingKeysUnknown) {
        this.values = lowerCaseValues;
        this.unknownKeys = lowerCaseUnknownKeys;
        this.missingKeysUnknown = missingKeysUnknown;
    }

    /** The keys (lower-cased) and their values. */
    public Map<String, List<String>> asMap() {
        return Collections.unmodifiableMap(values);
    }

    @Override
    public List<String> values(String lowerCaseKey) {
        return values.get(lowerCaseKey);
    }

    @Override
    public boolean isUnknown(String lowerCaseKey) {
        return (missingKeysUnknown || unknownKeys.contains(lowerCaseKey)) && !values.containsKey(lowerCaseKey);
    }

    /** Whether any key may be unknown (so evaluation must be three-valued). */
    public boolean mayHaveUnknowns() {
        return missingKeysUnknown || !unknownKeys.isEmpty();
    }

    /** The keys declared unknown (lower-cased). */
    public Set<String> unknownKeys() {
        return Collections.unmodifiableSet(unknownKeys);
    }

    /** Whether every key the request does not carry is unknown. */
    public boolean missingKeysUnknown() {
        return missingKeysUnknown;
    }

    @Override
    public VariableResolver variables() {
        return this;
    }

    /** Policy variables: the key's single value; null when absent or multivalued; {@link #UNKNOWN} when unknown. */
    @Override
    public String resolve(String lowerCaseKey) {
        List<String> v = values.get(lowerCaseKey);
        if (v == null) {
            return isUnknown(lowerCaseKey) ? UNKNOWN : null;
        }
        return v.size() == 1 ? v.get(0) : null;
    }
}
