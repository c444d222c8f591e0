package dev.iamatlas.model.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How the subjects of one rule or detector changed between two analyses: those that are gone and those that are new.
 * Both engines use it to drop and add units after an edit.
 *
 * @param gone subjects in the old list and not in the new one, in old order
 * @param added subjects in the new list and not in the old one, in new order
 */
public record SubjectChanges(List<String> gone, List<String> added) {
    private static final SubjectChanges NONE = new SubjectChanges(List.of(), List.of());

    public SubjectChanges {
        gone = List.copyOf(gone);
        added = List.copyOf(added);
    }

    /**
     * Compares two subject lists. Equal lists (the usual case after an edit) cost one sequential comparison, mostly
     * of identical strings; otherwise O(n) with hash sets.
     */
    public static SubjectChanges between(List<String> was, List<String> now) {
        Objects.requireNonNull(was, "was");
        Objects.requireNonNull(now, "now");
        if (now.equals(was)) {
            return NONE;
        }
        Set<String> nowSet = new HashSet<>(now);
        Set<String> wasSet = new HashSet<>(was);
        List<String> gone = new ArrayList<>();
        for (String s : was) {
            if (!nowSet.contains(s)) {
                gone.add(s);
            }
        }
        List<String> added = new ArrayList<>();
        for (String s : now) {
            if (!wasSet.contains(s)) {
                added.add(s);
            }
        }
        return new SubjectChanges(gone, added);
    }
}
