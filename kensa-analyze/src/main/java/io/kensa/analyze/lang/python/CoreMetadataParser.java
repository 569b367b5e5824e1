package io.kensa.analyze.lang.python;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The header of Python core metadata ({@code METADATA} of a wheel install, {@code PKG-INFO} of an egg): email-style
 * {@code Field: value} lines, a line starting with white space continuing the previous field, up to the first empty
 * line (the description body follows). Licenses, the most precise first: {@code License-Expression} (metadata 2.4),
 * else {@code License} when it is a name rather than a pasted license text, else the last segment of each
 * {@code Classifier: License :: …} ({@code MIT License} of {@code License :: OSI Approved :: MIT License}).
 */
final class CoreMetadataParser {
    /** A {@code License} value longer than this, or on several lines, is the license's text, not its name. */
    private static final int MAX_LICENSE_NAME = 256;
    private static final int MAX_CLASSIFIER_LICENSES = 16;
    private static final String LICENSE_CLASSIFIER = "License :: ";
    /** The fields read; others (a long {@code Description}, say) are skipped with their continuation lines. */
    private static final Set<String> FIELDS = Set.of("name", "version", "license-expression", "license", "classifier");

    CoreMetadata parse(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)));
        String name = null;
        String version = null;
        String expression = null;
        String license = null;
        List<String> classifiers = new ArrayList<>();
        String field = null;
        StringBuilder value = new StringBuilder();
        String line;
        while (true) {
            line = reader.readLine();
            boolean continuation = line != null && !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
            if (continuation) {
                if (field != null) {
                    value.append('\n').append(line.strip());
                }
                continue;
            }
            if (field != null) {
                String v = value.toString().strip();
                switch (field) {
                    case "name" -> name = name == null ? v : name;
                    case "version" -> version = version == null ? v : version;
                    case "license-expression" -> expression = expression == null ? v : expression;
                    case "license" -> license = license == null ? v : license;
                    case "classifier" -> {
                        if (v.startsWith(LICENSE_CLASSIFIER) && classifiers.size() < MAX_CLASSIFIER_LICENSES) {
                            classifiers.add(v);
                        }
                    }
                    default -> {
                    }
                }
                field = null;
            }
            if (line == null || line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            String candidate = colon > 0 ? line.substring(0, colon).strip().toLowerCase(Locale.ROOT) : null;
            if (candidate != null && FIELDS.contains(candidate)) {
                field = candidate;
                value.setLength(0);
                value.append(line, colon + 1, line.length());
            }
        }
        return new CoreMetadata(blankToNull(name), blankToNull(version), licenses(expression, license, classifiers));
    }

    private static List<String> licenses(String expression, String license, List<String> classifiers) {
        if (blankToNull(expression) != null) {
            return List.of(expression);
        }
        if (isLicenseName(license)) {
            return List.of(license);
        }
        Set<String> out = new LinkedHashSet<>();
        for (String c : classifiers) {
            String last = c.substring(c.lastIndexOf("::") + 2).strip();
            if (!last.isEmpty() && !last.equals("OSI Approved")) {
                out.add(last);
            }
        }
        return List.copyOf(out);
    }

    private static boolean isLicenseName(String license) {
        return license != null && !license.isBlank() && license.length() <= MAX_LICENSE_NAME
                && license.indexOf('\n') < 0 && !license.equalsIgnoreCase("UNKNOWN") && !license.equalsIgnoreCase("None");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
