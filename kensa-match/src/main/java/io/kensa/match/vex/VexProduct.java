package io.kensa.match.vex;

import java.util.List;

/**
 * What a VEX statement is about: a product, and optionally the components inside it that the statement concerns.
 * Without subcomponents the product itself is the vulnerable package (or the whole scanned image); with
 * subcomponents, the statement applies to those components only where they are part of the product (an OpenVEX
 * Go binary and the modules compiled into it, an image and its OS packages).
 *
 * @param product       the product
 * @param subcomponents the components concerned, empty when the statement is about the product itself
 */
public record VexProduct(PurlPattern product, List<PurlPattern> subcomponents) {
    public VexProduct {
        subcomponents = subcomponents == null ? List.of() : List.copyOf(subcomponents);
    }

    public static VexProduct of(PurlPattern product) {
        return new VexProduct(product, List.of());
    }
}
