package dev.iamatlas.model.synth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Identifiers shaped like the ones AWS assigns, derived from a name so that the same name always gets the
 * same id (for example {@code AROA} + 17 characters for a role, 10 lower-case characters for an API id).
 * Not random and not secret: they only have to look right and stay stable.
 */
public final class AwsIds {
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz0123456789";

    private AwsIds() {
    }

    /** A role id: {@code AROA} and 17 characters. */
    public static String roleId(String seed) {
        return "AROA" + upper(seed, 17);
    }

    /** A user id: {@code AIDA} and 17 characters. */
    public static String userId(String seed) {
        return "AIDA" + upper(seed, 17);
    }

    /** A group id: {@code AGPA} and 17 characters. */
    public static String groupId(String seed) {
        return "AGPA" + upper(seed, 17);
    }

    /** A managed policy id: {@code ANPA} and 17 characters. */
    public static String policyId(String seed) {
        return "ANPA" + upper(seed, 17);
    }

    /** {@code length} lower-case letters and digits, as API Gateway ids and Lambda URL ids are written. */
    public static String lower(String seed, int length) {
        return encode(seed, length, LOWER);
    }

    /** {@code length} upper-case letters and digits 2-7. */
    public static String upper(String seed, int length) {
        return encode(seed, length, UPPER);
    }

    private static String encode(String seed, int length, String alphabet) {
        StringBuilder out = new StringBuilder(length);
        int round = 0;
        while (out.length() < length) {
            byte[] digest = sha256(seed + "#" + round++);
            for (int i = 0; i < digest.length && out.length() < length; i++) {
                out.append(alphabet.charAt((digest[i] & 0xff) % alphabet.length()));
            }
        }
        return out.toString();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
