package io.kensa.analyze.license;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The category of a license expression, from the table {@code license-categories.tsv} (Google's licenseclassifier
 * categories). A listed id is looked up as written, then without {@code -only} / {@code -or-later} (Google names
 * {@code GPL-2.0} for both); a license {@code WITH} an exception has the category of the license. {@code OR} takes
 * the least restrictive operand (the user may choose it), {@code AND} the most restrictive; an operand whose category
 * is unknown does not change the category of the others, and the expression is unknown only when every operand is.
 */
public final class LicenseCategories {
    private final Map<String, LicenseCategory> byId;

    private LicenseCategories(Map<String, LicenseCategory> byId) {
        this.byId = Map.copyOf(byId);
    }

    private static final class Bundled {
        static final LicenseCategories INSTANCE = load();
    }

    /** The bundled table, read once. */
    public static LicenseCategories bundled() {
        return Bundled.INSTANCE;
    }

    private static LicenseCategories load() {
        String resource = "license-categories.tsv";
        Map<String, LicenseCategory> m = new HashMap<>();
        try (InputStream in = LicenseCategories.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                LicenseCategory c = f.length == 2 ? LicenseCategory.parse(f[1]).orElse(null) : null;
                if (c == null) {
                    throw new IllegalStateException(resource + ": bad line '" + line + "'");
                }
                m.put(f[0].toLowerCase(Locale.ROOT), c);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LicenseCategories(m);
    }

    /** The category of one license id (a listed id or a {@code LicenseRef-}). */
    public LicenseCategory of(String id) {
        String k = id.toLowerCase(Locale.ROOT);
        if (k.endsWith("+")) {
            k = k.substring(0, k.length() - 1);
        }
        LicenseCategory c = byId.get(k);
        if (c == null && k.endsWith("-only")) {
            c = byId.get(k.substring(0, k.length() - "-only".length()));
        }
        if (c == null && k.endsWith("-or-later")) {
            c = byId.get(k.substring(0, k.length() - "-or-later".length()));
        }
        return c == null ? LicenseCategory.UNKNOWN : c;
    }

    /** The category of an expression. */
    public LicenseCategory of(LicenseExpression e) {
        return switch (e) {
            case LicenseExpression.License l -> of(l.id());
            case LicenseExpression.With w -> of(w.license().id());
            case LicenseExpression.And a -> combine(a.operands(), true);
            case LicenseExpression.Or o -> combine(o.operands(), false);
        };
    }

    private LicenseCategory combine(List<LicenseExpression> operands, boolean most) {
        LicenseCategory result = LicenseCategory.UNKNOWN;
        for (LicenseExpression e : operands) {
            LicenseCategory c = of(e);
            if (c == LicenseCategory.UNKNOWN) {
                continue;
            }
            if (result == LicenseCategory.UNKNOWN || (most ? c.moreRestrictiveThan(result)
                    : result.moreRestrictiveThan(c))) {
                result = c;
            }
        }
        return result;
    }
}
