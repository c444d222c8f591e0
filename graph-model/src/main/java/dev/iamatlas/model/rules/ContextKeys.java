package dev.iamatlas.model.rules;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the snapshot can and cannot know about request context keys: plain-language descriptions of the keys that
 * only a live request carries, and the sets of keys that are known to be absent for a kind of caller.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html">AWS global condition context keys</a>
 */
public final class ContextKeys {
    private ContextKeys() {
    }

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("aws:sourceip", "the caller's IP address"),
            Map.entry("aws:vpcsourceip", "the caller's IP address inside its VPC"),
            Map.entry("aws:sourcevpc", "the VPC the call comes from"),
            Map.entry("aws:sourcevpce", "the VPC endpoint the call comes through"),
            Map.entry("aws:useragent", "the caller's HTTP client"),
            Map.entry("aws:referer", "the HTTP referer"),
            Map.entry("aws:currenttime", "the time of the request"),
            Map.entry("aws:epochtime", "the time of the request"),
            Map.entry("aws:multifactorauthpresent", "whether the caller signed in with MFA"),
            Map.entry("aws:multifactorauthage", "how long ago the caller signed in with MFA"),
            Map.entry("aws:principalorgid", "the caller's organization"),
            Map.entry("aws:principalorgpaths", "the caller's organizational unit"),
            Map.entry("aws:principalaccount", "the caller's account"),
            Map.entry("aws:principalarn", "the caller's ARN"),
            Map.entry("aws:sourcearn", "the resource the service acts for"),
            Map.entry("aws:sourceaccount", "the account of the resource the service acts for"),
            Map.entry("aws:sourceorgid", "the organization of the resource the service acts for"),
            Map.entry("aws:requestedregion", "the region the call is made in"),
            Map.entry("aws:calledvia", "the services that made the call on the caller's behalf"),
            Map.entry("aws:viaawsservice", "whether a service makes the call on the caller's behalf"),
            Map.entry("sts:externalid", "the external id the caller passes to AssumeRole"),
            Map.entry("sts:rolesessionname", "the session name the caller chooses"),
            Map.entry("sts:sourceidentity", "the source identity the caller sets"),
            Map.entry("aws:tokenissuetime", "when the caller's credentials were issued"));

    /** A description of what a key's value is, such as "the caller's IP address"; a generic one for other keys. */
    public static String describe(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        String d = DESCRIPTIONS.get(lower);
        if (d != null) {
            return d;
        }
        if (lower.startsWith("aws:principaltag/")) {
            return "a tag of the caller";
        }
        if (lower.startsWith("aws:resourcetag/")) {
            return "a tag of the resource, which the snapshot does not record";
        }
        if (lower.startsWith("aws:requesttag/") || lower.equals("aws:tagkeys")) {
            return "the tags sent with the request";
        }
        return "a value only the live request carries";
    }

    /** "depends on aws:SourceIp (the caller's IP address), which a snapshot cannot know". */
    public static String unknownNote(String key) {
        return "depends on " + key + " (" + describe(key) + "), which a snapshot cannot know";
    }

    /** Keys about the caller's identity, absent for anonymous callers and service principals. */
    static final Set<String> PRINCIPAL_IDENTITY = Set.of("aws:principalarn", "aws:principalaccount",
            "aws:principalorgid", "aws:principalorgpaths", "aws:principaltype", "aws:userid", "aws:username",
            "aws:multifactorauthpresent", "aws:multifactorauthage", "aws:tokenissuetime", "aws:sourceidentity",
            "aws:principaltag/", "aws:federatedprovider", "aws:principalservicenameslist");

    /** Keys only present when a call comes through a VPC endpoint. */
    static final Set<String> VPC = Set.of("aws:sourcevpce", "aws:sourcevpc", "aws:vpcsourceip");

    /** Keys a service sets about the resource it acts for; absent when a principal calls directly. */
    static final Set<String> SOURCE = Set.of("aws:sourcearn", "aws:sourceaccount", "aws:sourceorgid",
            "aws:sourceorgpaths");

    /** Whether {@code lowerKey} is in {@code set}, where entries ending in {@code /} are prefixes. */
    static boolean in(Set<String> set, String lowerKey) {
        if (set.contains(lowerKey)) {
            return true;
        }
        int slash = lowerKey.indexOf('/');
        return slash > 0 && set.contains(lowerKey.substring(0, slash + 1));
    }
}
