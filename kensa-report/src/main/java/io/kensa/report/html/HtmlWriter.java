package io.kensa.report.html;

import io.kensa.report.markup.XmlChars;

import java.io.IOException;
import java.io.Writer;
import java.util.regex.Pattern;

/**
 * A small HTML writer that escapes everything it is given: text and attribute values have {@code & < > " '}
 * replaced by character references and characters HTML cannot carry replaced ({@link XmlChars}); element and
 * attribute names are constants of the caller and are checked. The output is also well-formed XML (void elements
 * self-closed), so tests can parse it with the JDK's XML parser.
 */
final class HtmlWriter {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    private final Writer out;

    HtmlWriter(Writer out) {
        this.out = out;
    }

    /** Writes {@code markup} as it is: only for the page's own constant markup (doctype, style, script). */
    HtmlWriter raw(String markup) throws IOException {
        out.write(markup);
        return this;
    }

    /** {@code <name a1="v1" …>}; {@code attributes} alternate names and values, null values are left out. */
    HtmlWriter open(String name, String... attributes) throws IOException {
        tag(name, attributes);
        out.write('>');
        return this;
    }

    /** {@code <name … />}, for void elements ({@code meta}). */
    HtmlWriter empty(String name, String... attributes) throws IOException {
        tag(name, attributes);
        out.write(" />");
        return this;
    }

    HtmlWriter close(String name) throws IOException {
        out.write("</");
        out.write(checked(name));
        out.write('>');
        return this;
    }

    HtmlWriter text(String text) throws IOException {
        out.write(escape(text));
        return this;
    }

    /** {@code <name …>text</name>}. */
    HtmlWriter element(String name, String text, String... attributes) throws IOException {
        return open(name, attributes).text(text).close(name);
    }

    HtmlWriter newline() throws IOException {
        out.write('\n');
        return this;
    }

    static String escape(String s) {
        String clean = XmlChars.clean(s);
        StringBuilder sb = new StringBuilder(clean.length() + 16);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private void tag(String name, String... attributes) throws IOException {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name/value pairs");
        }
        out.write('<');
        out.write(checked(name));
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] == null) {
                continue;
            }
            out.write(' ');
            out.write(checked(attributes[i]));
            out.write("=\"");
            out.write(escape(attributes[i + 1]));
            out.write('"');
        }
    }

    private static String checked(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not an element or attribute name: " + name);
        }
        return name;
    }
}
