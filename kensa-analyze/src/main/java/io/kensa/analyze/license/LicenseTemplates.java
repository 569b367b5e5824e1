package io.kensa.analyze.license;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reduces an SPDX license template (the {@code standardLicenseTemplate} of the license list) to the text every copy
 * of the license holds: optional blocks ({@code <<beginOptional>>…<<endOptional>>}, which nest) are left out, with a
 * {@link #GAP} where they stood so that no word sequence is taken to span them; a variable part
 * ({@code <<var;name=…;original=…;match=…>>}) stands as its original text, which is what most copies say.
 */
final class LicenseTemplates {
    /** Marks where an optional part was left out. */
    static final char GAP = '\u0000';
    private static final String BEGIN_OPTIONAL = "<<beginOptional>>";
    private static final String END_OPTIONAL = "<<endOptional>>";
    private static final Pattern ORIGINAL = Pattern.compile("original=\"(.*?)\";match=", Pattern.DOTALL);

    private LicenseTemplates() {
    }

    /**
     * A variable part as its original text: what most copies say (a copyright line among them, which the classifier
     * drops like any other). Read as a gap instead, the many small variables of short licenses (MIT has eight) leave
     * too little text to tell them from their variants.
     */
    private static String variable(String var) {
        Matcher m = ORIGINAL.matcher(var);
        return m.find() ? m.group(1) : String.valueOf(GAP);
    }

    static String required(String template) {
        StringBuilder out = new StringBuilder(template.length());
        int depth = 0;
        int i = 0;
        while (i < template.length()) {
            if (template.startsWith("<<", i)) {
                if (template.startsWith(BEGIN_OPTIONAL, i)) {
                    if (depth++ == 0) {
                        out.append(' ').append(GAP).append(' ');
                    }
                    i += BEGIN_OPTIONAL.length();
                    continue;
                }
                if (template.startsWith(END_OPTIONAL, i)) {
                    depth = Math.max(0, depth - 1);
                    i += END_OPTIONAL.length();
                    continue;
                }
                int end = template.indexOf(">>", i + 2);
                if (end > 0) {
                    if (depth == 0) {
                        out.append(' ').append(variable(template.substring(i + 2, end))).append(' ');
                    }
                    i = end + 2;
                    continue;
                }
            }
            if (depth == 0) {
                out.append(template.charAt(i));
            }
            i++;
        }
        return out.toString();
    }
}
