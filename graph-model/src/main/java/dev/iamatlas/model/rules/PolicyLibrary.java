package dev.iamatlas.model.rules;

import dev.iamatlas.model.policy.PolicyParseException;
import dev.iamatlas.model.policy.PolicyParser;
import dev.iamatlas.model.snapshot.PolicyText;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Parses each distinct policy text once and shares the result: many roles attach the same managed policies, many
 * functions carry near-identical resource policies, and an edit changes one text. Thread-safe; lookups are constant
 * time after the first parse of a text.
 */
public final class PolicyLibrary {
    private final ConcurrentHashMap<String, ParsedPolicy> parsed = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    /** The parsed form of {@code text}; a text that is not a valid policy gives a {@link ParsedPolicy} with an error. */
    public ParsedPolicy parse(PolicyText text) {
        Objects.requireNonNull(text, "text");
        ParsedPolicy p = parsed.get(text.json());
        if (p != null) {
            return p;
        }
        ParsedPolicy fresh;
        try {
            fresh = new ParsedPolicy(ids.incrementAndGet(), text, PolicyParser.parse(text.json()), null);
        } catch (PolicyParseException e) {
            fresh = new ParsedPolicy(ids.incrementAndGet(), text, null, e.getMessage());
        }
        ParsedPolicy raced = parsed.putIfAbsent(text.json(), fresh);
        return raced == null ? fresh : raced;
    }

    /** How many distinct texts have been parsed. */
    public int size() {
        return parsed.size();
    }
}
