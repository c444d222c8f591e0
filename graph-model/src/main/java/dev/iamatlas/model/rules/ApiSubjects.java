package dev.iamatlas.model.rules;

import java.util.ArrayList;
import java.util.List;

/** Subjects of per-API units: {@code rest:ID} and {@code v2:ID}. */
final class ApiSubjects {
    private ApiSubjects() {
    }

    static List<String> of(SnapshotIndex index) {
        List<String> out = new ArrayList<>();
        for (String id : index.restApiIds()) {
            out.add("rest:" + id);
        }
        for (String id : index.apiV2Ids()) {
            out.add("v2:" + id);
        }
        return out;
    }

    static boolean isV2(String subject) {
        return subject.startsWith("v2:");
    }

    static String id(String subject) {
        return subject.substring(subject.indexOf(':') + 1);
    }
}
