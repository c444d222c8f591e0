package dev.iamatlas.model.evaluation.reference;

import java.util.ArrayList;
import java.util.List;

/**
 * ARN condition operators (ArnEquals, ArnLike and their negations): "Each of the six
 * colon-delimited components of the ARN is checked separately and each can include multi-character
 * match wildcards (*) or single-character match wildcards (?)"; ArnEquals and ArnLike behave
 * identically. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN
 */
final class Arns {

    private Arns() {
    }

    /**
     * Component-wise match. The sixth component (the resource part) keeps any further colons. A
     * pattern with fewer than six components compares its last component with the rest of the
     * value (our reading; see ambiguous.jsonl), so {@code "*"} matches any ARN.
     */
    static boolean componentsMatch(List<Glob.Token> pattern, String value) {
        List<List<Glob.Token>> parts = new ArrayList<>();
        List<Glob.Token> current = new ArrayList<>();
        for (Glob.Token t : pattern) {
            if (!t.wildcard() && t.ch() == ':' && parts.size() < 5) {
                parts.add(current);
                current = new ArrayList<>();
            } else {
                current.add(t);
            }
        }
        parts.add(current);
        String[] valueParts = value.split(":", parts.size());
        if (valueParts.length < parts.size()) {
            return false;
        }
        if (parts.size() == 6 && value.split(":", 6).length < 6) {
            return false;
        }
        for (int n = 0; n < parts.size(); n++) {
            if (!Glob.matches(parts.get(n), valueParts[n], true)) {
                return false;
            }
        }
        return true;
    }
}
