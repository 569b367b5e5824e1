package io.kensa.analyze.license;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The notices that apply a GNU license to a work, as the FSF recommends them and most GNU-licensed projects write
 * them: "… under (the terms of) the GNU [Lesser|Library|Affero] General Public License [as published by the Free
 * Software Foundation]; [either] version N [of the License], [or (at your option) any later version]". Only a
 * license something is put "under" counts: other licenses' texts mention the GNU licenses by version too (MPL-2.0's
 * "Secondary Licenses"). The version and the "or later"
 * clause give the SPDX id ({@code GPL-2.0-or-later}, {@code LGPL-2.1-only}); a notice without a version says
 * nothing about which license applies and is not read.
 */
final class GnuNotices {
    private static final int MAX_NOTICES = 16;
    private static final Pattern NOTICE = Pattern.compile(
            "\\b(?:under|terms of|is) the gnu (?:(?<kind>lesser|library|affero) )?general public license"
                    + "(?: as published by the free software foundation)?(?: either)? version (?<version>\\d(?:\\.\\d)?)"
                    + "(?: of the license)?(?<later> or at your option any later version| or any later version"
                    + "| or later)?");

    private GnuNotices() {
    }

    /** The SPDX ids of the GNU notices in {@code text} that the list knows, in order. */
    static List<String> find(String text, SpdxLicenseList list) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = NOTICE.matcher(normalize(text));
        while (m.find() && out.size() < MAX_NOTICES) {
            String kind = m.group("kind");
            String prefix = kind == null ? "GPL" : kind.equals("affero") ? "AGPL" : "LGPL";
            String version = m.group("version");
            if (version.indexOf('.') < 0) {
                version = version + ".0";
            }
            String id = prefix + "-" + version + (m.group("later") != null ? "-or-later" : "-only");
            list.license(id).ifPresent(l -> out.add(l.id()));
        }
        return List.copyOf(out);
    }

    /** {@code GPL-2.0} of {@code GPL-2.0-only} and {@code GPL-2.0-or-later}; the id itself for other licenses. */
    static String familyVersion(String id) {
        if (id.endsWith("-only")) {
            return id.substring(0, id.length() - "-only".length());
        }
        if (id.endsWith("-or-later")) {
            return id.substring(0, id.length() - "-or-later".length());
        }
        return id;
    }

    /** Lower case, words separated by single spaces; dots kept only inside numbers ({@code 2.1}). */
    static String normalize(String text) {
        String s = text.toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(s.length());
        boolean space = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean keep = Character.isLetterOrDigit(c) || c == '.' && i > 0 && i + 1 < s.length()
                    && Character.isDigit(s.charAt(i - 1)) && Character.isDigit(s.charAt(i + 1));
            if (keep) {
                b.append(c);
                space = false;
            } else if (!space) {
                b.append(' ');
                space = true;
            }
        }
        return b.toString();
    }
}
