package io.kensa.analyze.misconfig.image;

import com.fasterxml.jackson.databind.JsonNode;
import io.kensa.analyze.misconfig.checks.Check;
import io.kensa.analyze.misconfig.checks.Checks;
import io.kensa.analyze.misconfig.checks.ScriptChecks;
import io.kensa.analyze.misconfig.checks.SensitiveNames;
import io.kensa.analyze.misconfig.checks.SensitivePorts;
import io.kensa.core.Digest;
import io.kensa.core.misconfig.MisconfigFinding;
import io.kensa.image.oci.HistoryEntry;
import io.kensa.image.oci.ImageConfig;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks on an image config and its history: the user (CIS-DI-0001), the health check (CIS-DI-0006),
 * credentials in the environment and in build arguments (CIS-DI-0010), each RUN step's script (see
 * {@link ScriptChecks}), ADD steps (CIS-DI-0009), exposed administration ports (KSN-DI-0001) and sensitive volumes
 * (DKL-DI-0002). Every history line quoted as evidence has the values of credential-like variables masked.
 */
final class ImageConfigChecks {
    private static final String SOURCE = ImageMisconfigDetector.SOURCE;
    /** {@code NAME=} at the start of an assignment in an ENV, ARG or build-argument list. */
    private static final Pattern ASSIGNMENT_START = Pattern.compile("(?:^|\\s)([A-Za-z_][A-Za-z0-9_.-]*)=");
    private static final Set<String> SENSITIVE_VOLUMES = Set.of("/dev", "/proc", "/sys");
    /** Most credential-like variables reported, and most history lines quoted for one (hostile configs). */
    static final int MAX_VARIABLES = 1000;
    static final int MAX_LINES_PER_VARIABLE = 20;
    /** Longest history line quoted (masked first, then shortened). */
    static final int MAX_EVIDENCE = 1000;

    private final ImageConfig config;
    private final Set<String> uid0Users;
    private final JsonNode body;
    /** The history entries, each with the diffID of the layer it made (null for empty layers or when unknown). */
    private final List<String> layers = new ArrayList<>();
    private final List<HistoryInstruction> instructions = new ArrayList<>();
    private final Set<String> secretValues = new LinkedHashSet<>();
    /** The masked history lines, made once each. */
    private final Map<Integer, String> evidenceLines = new java.util.HashMap<>();

    ImageConfigChecks(ImageConfig config, Set<String> uid0Users) {
        this.config = config;
        this.uid0Users = uid0Users;
        this.body = config.raw() == null ? null : config.raw().path("config");
        List<HistoryEntry> history = config.history();
        long nonEmpty = history.stream().filter(h -> !h.emptyLayer()).count();
        boolean aligned = nonEmpty == config.diffIds().size();
        int next = 0;
        for (HistoryEntry h : history) {
            String layer = null;
            if (!h.emptyLayer()) {
                if (aligned) {
                    Digest d = config.diffIds().get(next);
                    layer = d.toString();
                }
                next++;
            }
            layers.add(layer);
            instructions.add(HistoryInstruction.parse(h.createdBy()));
        }
        collectSecretValues();
    }

    List<MisconfigFinding> run() {
        List<MisconfigFinding> out = new ArrayList<>();
        user(out);
        healthcheck(out);
        credentials(out);
        history(out);
        exposedPorts(out);
        volumes(out);
        return out;
    }

    private void user(List<MisconfigFinding> out) {
        String user = text(body, "User");
        String name = user == null ? "" : user.strip();
        int colon = name.indexOf(':');
        String userPart = colon >= 0 ? name.substring(0, colon) : name;
        String why;
        if (userPart.isEmpty()) {
            why = "config User is not set: the container runs as root";
        } else if (userPart.equals("root") || userPart.equals("0")) {
            why = "config User is " + name;
        } else if (uid0Users.contains(userPart)) {
            why = "config User is " + name + ", which /etc/passwd gives UID 0";
        } else {
            return;
        }
        List<String> evidence = new ArrayList<>(List.of(why));
        int last = lastIndexOf("USER");
        if (last >= 0) {
            evidence.add(evidence(last));
        }
        out.add(Checks.CIS_DI_0001.finding(SOURCE, evidence, null, 0, null));
    }

    private void healthcheck(List<MisconfigFinding> out) {
        JsonNode hc = body == null ? null : body.get("Healthcheck");
        boolean none = hc == null || hc.isNull() || !hc.isObject();
        boolean disabled = !none && hc.path("Test").isArray() && hc.path("Test").size() > 0
                && hc.path("Test").get(0).asText("").equals("NONE");
        if (none) {
            out.add(Checks.CIS_DI_0006.finding(SOURCE, List.of("config has no Healthcheck"), null, 0, null));
        } else if (disabled) {
            int last = lastIndexOf("HEALTHCHECK");
            List<String> evidence = new ArrayList<>(List.of("config Healthcheck is NONE"));
            if (last >= 0) {
                evidence.add(evidence(last));
            }
            out.add(Checks.CIS_DI_0006.finding(SOURCE, evidence, null, 0, null));
        }
    }

    /** One finding per credential-like variable: set in the config's Env, or by ENV, ARG or a build argument. */
    private void credentials(List<MisconfigFinding> out) {
        Map<String, List<String>> evidence = new LinkedHashMap<>();
        Map<String, String> layerOf = new LinkedHashMap<>();
        JsonNode env = body == null ? null : body.get("Env");
        if (env != null && env.isArray()) {
            for (JsonNode e : env) {
                String s = e.asText("");
                int eq = s.indexOf('=');
                if (eq > 0 && eq < s.length() - 1 && SensitiveNames.isSensitive(s.substring(0, eq))
                        && (evidence.size() < MAX_VARIABLES || evidence.containsKey(s.substring(0, eq)))) {
                    evidence.computeIfAbsent(s.substring(0, eq), k -> new ArrayList<>())
                            .add("config Env sets " + s.substring(0, eq) + " (value hidden)");
                }
            }
        }
        for (int i = 0; i < instructions.size(); i++) {
            for (Map.Entry<String, String> a : assignments(i)) {
                if (!a.getValue().isEmpty() && SensitiveNames.isSensitive(a.getKey())
                        && (evidence.size() < MAX_VARIABLES || evidence.containsKey(a.getKey()))) {
                    List<String> lines = evidence.computeIfAbsent(a.getKey(), k -> new ArrayList<>());
                    if (lines.size() < MAX_LINES_PER_VARIABLE) {
                        String line = evidence(i);
                        if (!lines.contains(line)) {
                            lines.add(line);
                        }
                    }
                    layerOf.putIfAbsent(a.getKey(), layers.get(i));
                }
            }
        }
        evidence.forEach((name, lines) ->
                out.add(Checks.CIS_DI_0010.finding(SOURCE, lines, null, 0, layerOf.get(name))));
    }

    private void history(List<MisconfigFinding> out) {
        int baseLayer = firstLayerEntry();
        for (int i = 0; i < instructions.size(); i++) {
            HistoryInstruction hi = instructions.get(i);
            if ("RUN".equals(hi.keyword())) {
                for (ScriptChecks.Hit hit : ScriptChecks.check(hi.arguments(), hi.cacheMounts(), false)) {
                    out.add(hit.check().finding(SOURCE, List.of(evidence(i)), null, 0, layers.get(i)));
                }
            } else if ("ADD".equals(hi.keyword()) && !(i == baseLayer && "/".equals(hi.addDestination()))) {
                out.add(Checks.CIS_DI_0009.finding(SOURCE, List.of(evidence(i), addKind(hi)), null, 0, layers.get(i)));
            }
        }
    }

    private void exposedPorts(List<MisconfigFinding> out) {
        JsonNode ports = body == null ? null : body.get("ExposedPorts");
        if (ports == null || !ports.isObject()) {
            return;
        }
        for (Iterator<String> it = ports.fieldNames(); it.hasNext(); ) {
            String port = it.next();
            String service = SensitivePorts.service(port);
            if (service != null) {
                out.add(Checks.KSN_DI_0001.finding(SOURCE, List.of("config ExposedPorts has " + port + ": " + service),
                        null, 0, null));
            }
        }
    }

    private void volumes(List<MisconfigFinding> out) {
        JsonNode volumes = body == null ? null : body.get("Volumes");
        if (volumes == null || !volumes.isObject()) {
            return;
        }
        for (Iterator<String> it = volumes.fieldNames(); it.hasNext(); ) {
            String v = it.next();
            String normal = v.length() > 1 && v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
            if (SENSITIVE_VOLUMES.contains(normal)) {
                out.add(Checks.DKL_DI_0002.finding(SOURCE, List.of("config Volumes has " + v), null, 0, null));
            }
        }
    }

    private static String addKind(HistoryInstruction hi) {
        for (String src : hi.addSources()) {
            String s = src.toLowerCase(Locale.ROOT);
            if (s.startsWith("http://") || s.startsWith("https://")) {
                return "ADD of a remote URL: fetched without verification";
            }
            if (s.startsWith("git@") || s.endsWith(".git") || s.startsWith("git://")) {
                return "ADD of a Git repository";
            }
        }
        return "ADD of local files (archives are unpacked implicitly)";
    }

    /** The history index of the entry that made the first layer (the base image's file system), or -1. */
    private int firstLayerEntry() {
        for (int i = 0; i < config.history().size(); i++) {
            if (!config.history().get(i).emptyLayer()) {
                return i;
            }
        }
        return -1;
    }

    private int lastIndexOf(String keyword) {
        for (int i = instructions.size() - 1; i >= 0; i--) {
            if (keyword.equals(instructions.get(i).keyword())) {
                return i;
            }
        }
        return -1;
    }

    /** The {@code NAME=value} pairs an ENV or ARG line sets, and a RUN's recorded build arguments. */
    private List<Map.Entry<String, String>> assignments(int index) {
        HistoryInstruction hi = instructions.get(index);
        List<Map.Entry<String, String>> out = new ArrayList<>();
        if ("ENV".equals(hi.keyword()) || "ARG".equals(hi.keyword())) {
            String args = hi.arguments();
            Matcher m = ASSIGNMENT_START.matcher(args);
            List<int[]> starts = new ArrayList<>();
            List<String> names = new ArrayList<>();
            while (m.find()) {
                starts.add(new int[]{m.start(1), m.end()});
                names.add(m.group(1));
            }
            for (int k = 0; k < starts.size(); k++) {
                int valueEnd = k + 1 < starts.size() ? starts.get(k + 1)[0] : args.length();
                out.add(Map.entry(names.get(k), args.substring(starts.get(k)[1], valueEnd).strip()));
            }
        }
        for (String a : hi.buildArgs()) {
            int eq = a.indexOf('=');
            if (eq > 0) {
                out.add(Map.entry(a.substring(0, eq), a.substring(eq + 1)));
            }
        }
        return out;
    }

    private void collectSecretValues() {
        JsonNode env = body == null ? null : body.get("Env");
        if (env != null && env.isArray()) {
            for (JsonNode e : env) {
                String s = e.asText("");
                int eq = s.indexOf('=');
                if (eq > 0 && SensitiveNames.isSensitive(s.substring(0, eq))) {
                    secretValues.add(s.substring(eq + 1));
                }
            }
        }
        for (int i = 0; i < instructions.size(); i++) {
            for (Map.Entry<String, String> a : assignments(i)) {
                if (SensitiveNames.isSensitive(a.getKey())) {
                    secretValues.add(a.getValue());
                    secretValues.add(unquote(a.getValue()));
                }
            }
        }
    }

    /** The history line at {@code index} as evidence: credential values masked. */
    private String evidence(int index) {
        return evidenceLines.computeIfAbsent(index, i -> {
            String line = config.history().get(i).createdBy();
            String masked = SensitiveNames.maskValues(SensitiveNames.maskAssignments(line == null ? "" : line.strip()),
                    secretValues);
            return masked.length() > MAX_EVIDENCE ? masked.substring(0, MAX_EVIDENCE) + "…" : masked;
        });
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
