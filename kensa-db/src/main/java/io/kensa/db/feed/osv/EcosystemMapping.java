package io.kensa.db.feed.osv;

/**
 * Which {@code affected[].package.ecosystem} values of OSV records a feed is the source of, and the namespace
 * ({@link io.kensa.core.vuln.Namespaces}) each maps to. A feed loads only the ecosystems it owns: the Debian zip's
 * {@code Alpine:v3.19} entries are Alpine's (the secdb feed's), not Debian's. An owned ecosystem may still map to no
 * namespace: a Red Hat layered product or a SUSE product that is not an operating system release. Both kinds of
 * skip are counted, not warned about: they are normal.
 */
public interface EcosystemMapping {

    /** Whether entries of {@code ecosystem} are this feed's to load (or to skip as an unmapped stream). */
    boolean owns(String ecosystem);

    /** The namespace of an owned {@code ecosystem}; null when it maps to none. */
    String namespace(String ecosystem);

    /** One ecosystem spelled exactly {@code osvName} ({@code Maven}, {@code crates.io} …), mapped to {@code namespace}. */
    static EcosystemMapping exactly(String osvName, String namespace) {
        return new EcosystemMapping() {
            @Override
            public boolean owns(String ecosystem) {
                return osvName.equals(ecosystem);
            }

            @Override
            public String namespace(String ecosystem) {
                return owns(ecosystem) ? namespace : null;
            }
        };
    }
}
