package dev.iamatlas.model.evaluation.reference;

/**
 * IP address condition operators: IPv4 and IPv6 addresses and CIDR ranges; an address without a
 * prefix length is a single address (/32, or /128 for IPv6).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress
 */
final class Ips {

    private Ips() {
    }

    static boolean isCidr(String cidr) {
        return parseCidr(cidr) != null;
    }

    /** Whether the request address lies in the policy's address or range. */
    static boolean inCidr(String address, String cidr) {
        byte[] ip = parse(address.trim());
        Object[] range = parseCidr(cidr);
        if (ip == null || range == null) {
            return false;
        }
        byte[] net = (byte[]) range[0];
        int bits = (Integer) range[1];
        if (net.length != ip.length) {
            return false;
        }
        for (int b = 0; b < bits; b++) {
            int mask = 0x80 >> (b % 8);
            if ((ip[b / 8] & mask) != (net[b / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static Object[] parseCidr(String cidr) {
        String t = cidr.trim();
        int slash = t.indexOf('/');
        byte[] net = parse(slash < 0 ? t : t.substring(0, slash));
        if (net == null) {
            return null;
        }
        int bits = net.length * 8;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(t.substring(slash + 1));
            } catch (NumberFormatException e) {
                return null;
            }
            if (bits < 0 || bits > net.length * 8) {
                return null;
            }
        }
        return new Object[] {net, bits};
    }

    /** Parses a literal IPv4 or IPv6 address (no name lookups); null if it is not one. */
    static byte[] parse(String s) {
        if (s.contains(":")) {
            return parseV6(s);
        }
        return parseV4(s);
    }

    private static byte[] parseV4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (!parts[i].matches("\\d{1,3}")) {
                return null;
            }
            int v = Integer.parseInt(parts[i]);
            if (v > 255) {
                return null;
            }
            out[i] = (byte) v;
        }
        return out;
    }

    private static byte[] parseV6(String s) {
        String text = s;
        byte[] tail4 = null;
        int lastColon = text.lastIndexOf(':');
        if (text.substring(lastColon + 1).contains(".")) {
            tail4 = parseV4(text.substring(lastColon + 1));
            if (tail4 == null) {
                return null;
            }
            text = text.substring(0, lastColon + 1) + "0:0";
        }
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
            return null;
        }
        String[] head;
        String[] tail;
        if (doubleColon >= 0) {
            String h = text.substring(0, doubleColon);
            String t = text.substring(doubleColon + 2);
            head = h.isEmpty() ? new String[0] : h.split(":", -1);
            tail = t.isEmpty() ? new String[0] : t.split(":", -1);
            if (head.length + tail.length > 7) {
                return null;
            }
        } else {
            head = text.split(":", -1);
            tail = new String[0];
            if (head.length != 8) {
                return null;
            }
        }
        int[] groups = new int[8];
        for (int i = 0; i < head.length; i++) {
            Integer g = group(head[i]);
            if (g == null) {
                return null;
            }
            groups[i] = g;
        }
        for (int i = 0; i < tail.length; i++) {
            Integer g = group(tail[i]);
            if (g == null) {
                return null;
            }
            groups[8 - tail.length + i] = g;
        }
        byte[] out = new byte[16];
        for (int i = 0; i < 8; i++) {
            out[2 * i] = (byte) (groups[i] >> 8);
            out[2 * i + 1] = (byte) groups[i];
        }
        if (tail4 != null) {
            System.arraycopy(tail4, 0, out, 12, 4);
        }
        return out;
    }

    private static Integer group(String g) {
        if (!g.matches("[0-9a-fA-F]{1,4}")) {
            return null;
        }
        return Integer.parseInt(g, 16);
    }
}
