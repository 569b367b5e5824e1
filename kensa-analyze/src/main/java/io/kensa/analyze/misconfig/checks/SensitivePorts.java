package io.kensa.analyze.misconfig.checks;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ports of remote administration services that a container image should not expose (KSN-DI-0001): remote
 * shells, remote desktops, file sharing and the container engine's own API.
 */
public final class SensitivePorts {
    private static final Map<Integer, String> PORTS = Map.of(
            21, "FTP", 22, "SSH", 23, "Telnet", 445, "SMB", 2375, "Docker API (plain HTTP)",
            3389, "RDP", 5900, "VNC");
    /** {@code 22}, {@code 22/tcp}, {@code 8000-8100/udp}. */
    private static final Pattern PORT_SPEC = Pattern.compile("(\\d{1,5})(?:-(\\d{1,5}))?(?:/[A-Za-z]+)?");

    private SensitivePorts() {
    }

    /**
     * The service of the first sensitive port in an {@code EXPOSE} or {@code ExposedPorts} entry, e.g.
     * {@code "SSH (22)"}, or null when none (or the entry is not a port).
     */
    public static String service(String portSpec) {
        if (portSpec == null) {
            return null;
        }
        Matcher m = PORT_SPEC.matcher(portSpec.strip());
        if (!m.matches()) {
            return null;
        }
        int from = Integer.parseInt(m.group(1));
        int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
        if (to < from || to > 65_535) {
            return null;
        }
        for (var e : PORTS.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            if (e.getKey() >= from && e.getKey() <= to) {
                return e.getValue() + " (" + e.getKey() + ")";
            }
        }
        return null;
    }
}
