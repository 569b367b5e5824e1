package io.kensa.db.store;

import io.kensa.db.model.AffectedRange;
import io.kensa.db.model.RangeEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code affected} column of {@code advisories}: ranges and versions as compact text, read by the matcher for
 * every advisory of every package it looks up, so it is parsed with a few {@code indexOf} calls, not a JSON parser.
 * Records are separated by {@value ColumnCodec#RECORD} (U+001E), fields by {@value ColumnCodec#FIELD} (U+001F):
 * a range is its type then its events, each a kind letter ({@code i}ntroduced, {@code f}ixed,
 * {@code l}ast_affected, {@code x} limit) followed by the version; the versions list is a record of type
 * {@code V}. Example: {@code ECOSYSTEM␟i0␟f1.2.3␞V␟1.0␟1.1}. Control characters in a version (never in a real
 * one) are written as {@code ?}.
 */
final class AffectedCodec {
    private static final String VERSIONS = "V";

    private AffectedCodec() {
    }

    record Decoded(List<AffectedRange> ranges, List<String> versions) {
    }

    static String encode(List<AffectedRange> ranges, List<String> versions) {
        StringBuilder b = new StringBuilder(64);
        for (AffectedRange r : ranges) {
            if (!b.isEmpty()) {
                b.append(ColumnCodec.RECORD);
            }
            b.append(ColumnCodec.clean(r.type()));
            for (RangeEvent e : r.events()) {
                b.append(ColumnCodec.FIELD).append(code(e.kind())).append(ColumnCodec.clean(e.version()));
            }
        }
        if (!versions.isEmpty()) {
            if (!b.isEmpty()) {
                b.append(ColumnCodec.RECORD);
            }
            b.append(VERSIONS);
            for (String v : versions) {
                b.append(ColumnCodec.FIELD).append(ColumnCodec.clean(v));
            }
        }
        return b.toString();
    }

    static Decoded decode(String text) {
        List<AffectedRange> ranges = new ArrayList<>(2);
        List<String> versions = List.of();
        for (String record : ColumnCodec.split(text, ColumnCodec.RECORD)) {
            List<String> fields = ColumnCodec.split(record, ColumnCodec.FIELD);
            if (fields.isEmpty()) {
                continue;
            }
            String type = fields.getFirst();
            if (type.equals(VERSIONS)) {
                versions = List.copyOf(fields.subList(1, fields.size()));
                continue;
            }
            if (!type.equals("ECOSYSTEM") && !type.equals("SEMVER")) {
                throw new IllegalArgumentException("unknown range type '" + type + "'");
            }
            List<RangeEvent> events = new ArrayList<>(fields.size() - 1);
            for (int i = 1; i < fields.size(); i++) {
                String f = fields.get(i);
                if (f.isEmpty()) {
                    throw new IllegalArgumentException("empty range event");
                }
                events.add(new RangeEvent(kind(f.charAt(0)), f.substring(1)));
            }
            ranges.add(new AffectedRange(type, events));
        }
        return new Decoded(ranges, versions);
    }

    private static char code(RangeEvent.Kind k) {
        return switch (k) {
            case INTRODUCED -> 'i';
            case FIXED -> 'f';
            case LAST_AFFECTED -> 'l';
            case LIMIT -> 'x';
        };
    }

    private static RangeEvent.Kind kind(char c) {
        return switch (c) {
            case 'i' -> RangeEvent.Kind.INTRODUCED;
            case 'f' -> RangeEvent.Kind.FIXED;
            case 'l' -> RangeEvent.Kind.LAST_AFFECTED;
            case 'x' -> RangeEvent.Kind.LIMIT;
            default -> throw new IllegalArgumentException("unknown range event '" + c + "'");
        };
    }
}
