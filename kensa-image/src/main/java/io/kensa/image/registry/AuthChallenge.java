package io.kensa.image.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One challenge of a {@code WWW-Authenticate} header (RFC 7235), e.g.
 * {@code Bearer realm="https://auth.example/token",service="registry",scope="repository:a/b:pull"}.
 *
 * @param scheme  the scheme in lower case, e.g. {@code bearer} or {@code basic}
 * @param params  the auth-params, names in lower case, values unquoted; empty for a token68 challenge
 * @param token68 the token68 form, or null
 */
public record AuthChallenge(String scheme, Map<String, String> params, String token68) {

    public AuthChallenge {
        params = Map.copyOf(params);
    }

    /** A parameter by (case-insensitive) name, or null. */
    public String param(String name) {
        return params.get(name.toLowerCase(Locale.ROOT));
    }

    public boolean isBearer() {
        return scheme.equals("bearer");
    }

    public boolean isBasic() {
        return scheme.equals("basic");
    }

    /** Parses every challenge of every given header value; malformed tails are dropped, never thrown. */
    public static List<AuthChallenge> parseAll(List<String> headerValues) {
        List<AuthChallenge> out = new ArrayList<>();
        for (String value : headerValues) {
            out.addAll(parse(value));
        }
        return out;
    }

    /** Parses one header value, which may hold several comma-separated challenges. */
    public static List<AuthChallenge> parse(String header) {
        return new Parser(header == null ? "" : header).challenges();
    }

    /** A small recursive-descent parser over the header text. */
    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        List<AuthChallenge> challenges() {
            List<AuthChallenge> out = new ArrayList<>();
            while (true) {
                skip(", \t");
                if (pos >= s.length()) {
                    return out;
                }
                String scheme = token();
                if (scheme.isEmpty()) {
                    return out; // garbage: stop, keep what we have
                }
                Map<String, String> params = new LinkedHashMap<>();
                String token68 = null;
                skip(" \t");
                int t68 = token68End(pos);
                if (t68 > pos) {
                    token68 = s.substring(pos, t68);
                    pos = t68;
                } else {
                    while (true) {
                        int save = pos;
                        skip(", \t");
                        String name = token();
                        skip(" \t");
                        if (name.isEmpty() || pos >= s.length() || s.charAt(pos) != '=') {
                            pos = save; // the next challenge's scheme, or the end
                            break;
                        }
                        pos++;
                        skip(" \t");
                        String value = pos < s.length() && s.charAt(pos) == '"' ? quoted() : token();
                        params.putIfAbsent(name.toLowerCase(Locale.ROOT), value);
                    }
                }
                out.add(new AuthChallenge(scheme.toLowerCase(Locale.ROOT), params, token68));
            }
        }

        /** The end of a token68 standing alone at {@code from} (followed by the end or a comma), else {@code from}. */
        private int token68End(int from) {
            int i = from;
            while (i < s.length() && isToken68Char(s.charAt(i))) {
                i++;
            }
            if (i == from) {
                return from;
            }
            int end = i;
            while (end < s.length() && s.charAt(end) == '=') {
                end++;
            }
            int j = end;
            while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
                j++;
            }
            // "name=value" is an auth-param; "abc==" or "abc" followed by the end or a comma is a token68.
            return j >= s.length() || s.charAt(j) == ',' ? end : from;
        }

        private String token() {
            int start = pos;
            while (pos < s.length() && isTokenChar(s.charAt(pos))) {
                pos++;
            }
            return s.substring(start, pos);
        }

        private String quoted() {
            StringBuilder b = new StringBuilder();
            pos++; // opening quote
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c == '\\' && pos < s.length()) {
                    b.append(s.charAt(pos++));
                } else if (c == '"') {
                    return b.toString();
                } else {
                    b.append(c);
                }
            }
            return b.toString(); // unterminated: take the rest
        }

        private void skip(String chars) {
            while (pos < s.length() && chars.indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
        }

        private static boolean isTokenChar(char c) {
            return c > ' ' && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
        }

        private static boolean isToken68Char(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~+/".indexOf(c) >= 0;
        }
    }
}
