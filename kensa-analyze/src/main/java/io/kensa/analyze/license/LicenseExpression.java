package io.kensa.analyze.license;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An SPDX license expression: a license (a listed id or a {@code LicenseRef-}), a license {@code WITH} an
 * exception, or {@code AND} / {@code OR} of expressions. {@link #toString()} writes it in SPDX syntax, with
 * parentheses wherever an operand joins by another operator than its parent.
 */
public sealed interface LicenseExpression {

    /**
     * One license.
     *
     * @param id      a listed license id as the list spells it, or {@code LicenseRef-…}
     * @param orLater the {@code +} of SPDX (this version or any later one), for ids that have no {@code -or-later}
     *                form of their own
     */
    record License(String id, boolean orLater) implements LicenseExpression {
        public License(String id) {
            this(id, false);
        }

        /** Whether this is a {@code LicenseRef-}, not a listed license. */
        public boolean isRef() {
            return id.startsWith(SpdxLicenses.LICENSE_REF) || id.startsWith("DocumentRef-");
        }

        @Override
        public String toString() {
            return orLater ? id + "+" : id;
        }
    }

    /**
     * A license with an exception (an additional permission).
     *
     * @param license   the license
     * @param exception a listed exception id, or {@code AdditionRef-…} for one the list does not have
     */
    record With(License license, String exception) implements LicenseExpression {
        @Override
        public String toString() {
            return license + " WITH " + exception;
        }
    }

    /** All of {@code operands} apply (a package holding parts under several licenses). */
    record And(List<LicenseExpression> operands) implements LicenseExpression {
        public And {
            operands = List.copyOf(operands);
        }

        @Override
        public String toString() {
            return join(operands, " AND ", this);
        }
    }

    /** Any one of {@code operands}, at the user's choice (dual licensing). */
    record Or(List<LicenseExpression> operands) implements LicenseExpression {
        public Or {
            operands = List.copyOf(operands);
        }

        @Override
        public String toString() {
            return join(operands, " OR ", this);
        }
    }

    /** {@code AND} of the operands, flattened and without repeats; the operand itself when there is one. */
    static LicenseExpression and(List<LicenseExpression> operands) {
        List<LicenseExpression> flat = flatten(operands, And.class);
        return flat.size() == 1 ? flat.getFirst() : new And(flat);
    }

    /** {@code OR} of the operands, flattened and without repeats; the operand itself when there is one. */
    static LicenseExpression or(List<LicenseExpression> operands) {
        List<LicenseExpression> flat = flatten(operands, Or.class);
        return flat.size() == 1 ? flat.getFirst() : new Or(flat);
    }

    private static List<LicenseExpression> flatten(List<LicenseExpression> operands,
                                                   Class<? extends LicenseExpression> kind) {
        Set<LicenseExpression> out = new LinkedHashSet<>();
        for (LicenseExpression e : operands) {
            if (kind.isInstance(e)) {
                out.addAll(e instanceof And a ? a.operands() : ((Or) e).operands());
            } else {
                out.add(e);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no operand");
        }
        return new ArrayList<>(out);
    }

    private static String join(List<LicenseExpression> operands, String operator, LicenseExpression parent) {
        StringBuilder b = new StringBuilder();
        for (LicenseExpression e : operands) {
            if (!b.isEmpty()) {
                b.append(operator);
            }
            boolean compound = (e instanceof And || e instanceof Or) && e.getClass() != parent.getClass();
            b.append(compound ? "(" + e + ")" : e.toString());
        }
        return b.toString();
    }

    /** Calls {@code action} for every license of the expression, in order. */
    default void forEachLicense(Consumer<License> action) {
        switch (this) {
            case License l -> action.accept(l);
            case With w -> action.accept(w.license());
            case And a -> a.operands().forEach(e -> e.forEachLicense(action));
            case Or o -> o.operands().forEach(e -> e.forEachLicense(action));
        }
    }
}
