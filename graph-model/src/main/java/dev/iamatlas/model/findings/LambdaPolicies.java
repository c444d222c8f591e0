package dev.iamatlas.model.findings;

import dev.iamatlas.model.policy.Condition;
import dev.iamatlas.model.policy.Effect;
import dev.iamatlas.model.policy.Statement;
import dev.iamatlas.model.rules.ParsedPolicy;
import dev.iamatlas.model.snapshot.FunctionAlias;
import dev.iamatlas.model.snapshot.FunctionVersion;
import dev.iamatlas.model.snapshot.LambdaFunction;
import dev.iamatlas.model.snapshot.PolicyText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reading Lambda resource policies for detectors: the targets that carry one, and their statements. */
final class LambdaPolicies {
    /** Condition keys that tie a service principal to one source (the confused-deputy protection). */
    static final Set<String> SOURCE_KEYS = Set.of("aws:sourcearn", "aws:sourceaccount", "aws:sourceorgid",
            "aws:sourceorgpaths", "lambda:eventsourcetoken");

    private LambdaPolicies() {
    }

    /** A function, alias or version with its own policy. */
    record Target(String arn, String name, PolicyText policy) {
    }

    static List<Target> targets(LambdaFunction f) {
        List<Target> out = new ArrayList<>();
        if (f.resourcePolicy() != null) {
            out.add(new Target(f.arn(), f.name(), f.resourcePolicy()));
        }
        for (FunctionAlias a : f.aliases()) {
            if (a.resourcePolicy() != null) {
                out.add(new Target(a.arn(), f.name() + ":" + a.name(), a.resourcePolicy()));
            }
        }
        for (FunctionVersion v : f.versions()) {
            if (v.resourcePolicy() != null) {
                out.add(new Target(v.arn(), f.name() + ":" + v.version(), v.resourcePolicy()));
            }
        }
        return out;
    }

    /** Allow statements that let a service principal invoke (lambda:InvokeFunction matches their Action). */
    static List<Statement> serviceInvokeStatements(ParsedPolicy policy, String service) {
        List<Statement> out = new ArrayList<>();
        if (!policy.valid()) {
            return out;
        }
        for (Statement s : policy.document().statements()) {
            if (s.effect() != Effect.ALLOW || s.principal() == null || !invokes(s)) {
                continue;
            }
            for (String svc : s.principal().services()) {
                if (service == null || svc.equalsIgnoreCase(service)) {
                    out.add(s);
                    break;
                }
            }
        }
        return out;
    }

    /** Whether the statement's Action matches lambda:InvokeFunction. */
    static boolean invokes(Statement s) {
        return ParsedPolicy.mayAllowAction(s, "lambda:invokefunction");
    }

    /** Whether any condition ties the statement to a source. */
    static boolean hasSourceCondition(Statement s) {
        for (Condition c : s.conditions()) {
            if (SOURCE_KEYS.contains(c.lowerCaseKey())) {
                return true;
            }
        }
        return false;
    }

    /** The values of the statement's conditions on aws:SourceArn. */
    static List<String> sourceArnPatterns(Statement s) {
        List<String> out = new ArrayList<>();
        for (Condition c : s.conditions()) {
            if (c.lowerCaseKey().equals("aws:sourcearn")) {
                out.addAll(c.values());
            }
        }
        return out;
    }

    /** The statement's Sid, or {@code #index}. */
    static String sid(Statement s) {
        return s.sid() != null ? s.sid() : "#" + s.index();
    }

    /** Whether the statement has a real Sid (remove-permission needs one). */
    static boolean hasSid(Statement s) {
        return s.sid() != null && !s.sid().isEmpty();
    }

    /** A parsed execute-api ARN pattern: {@code arn:PARTITION:execute-api:REGION:ACCOUNT:API_ID/STAGE/METHOD/PATH}. */
    record ExecuteApiPattern(String text, String region, String account, String apiId, String stage, String rest) {
        static ExecuteApiPattern parse(String text) {
            String[] p = text.split(":", 6);
            if (p.length != 6 || !p[0].equals("arn") || !p[2].toLowerCase(Locale.ROOT).equals("execute-api")) {
                return null;
            }
            String[] r = p[5].split("/", 3);
            return new ExecuteApiPattern(text, p[3], p[4], r[0], r.length > 1 ? r[1] : null, r.length > 2 ? r[2] : null);
        }

        static boolean wild(String s) {
            return s == null || s.contains("*") || s.contains("?");
        }

        /** Whether the pattern admits any API id (or any account's APIs). */
        boolean anyApi() {
            return wild(apiId) || wild(account);
        }
    }
}
