package io.kensa.db.feed.osv;

/**
 * What a feed did with the records and {@code affected[]} entries of its zip. The skips counted here are normal
 * (another ecosystem's entries, withdrawn records, GIT-only ranges) and raise no warning; malformed records are
 * warnings, counted by {@link io.kensa.db.feed.FeedWarnings}.
 */
public final class OsvCounts {
    long records;
    long withdrawn;
    long advisories;
    long otherEcosystem;
    long noPackage;
    long unmappedStream;
    long noRange;
    long duplicates;
    long malformedEntries;

    /** Records loaded (withdrawn and malformed ones are not). */
    public long records() {
        return records;
    }

    /** Withdrawn records, not loaded. */
    public long withdrawn() {
        return withdrawn;
    }

    /** Rows written to {@code advisories}. */
    public long advisories() {
        return advisories;
    }

    /** Entries of ecosystems this feed is not the source of (the Debian zip's {@code Alpine:v3.19} entries). */
    public long otherEcosystem() {
        return otherEcosystem;
    }

    /** Entries without a package (GIT ranges of an upstream repository only). */
    public long noPackage() {
        return noPackage;
    }

    /** Entries of this publisher's streams that map to no namespace (a Red Hat layered product, SUSE Manager …). */
    public long unmappedStream() {
        return unmappedStream;
    }

    /** Entries left with neither an ECOSYSTEM or SEMVER range nor listed versions once GIT ranges are dropped. */
    public long noRange() {
        return noRange;
    }

    /** Entries identical to another of the same record once mapped (two Red Hat repositories of one release). */
    public long duplicates() {
        return duplicates;
    }

    /** Entries skipped with a warning (a range event that is none of introduced, fixed, last_affected, limit). */
    public long malformedEntries() {
        return malformedEntries;
    }

    /** One line for the database's metadata and {@code db info}. */
    public String describe() {
        return String.format("%,d records loaded, %,d withdrawn; %,d advisories; entries skipped: %,d of other"
                        + " ecosystems, %,d without a package, %,d of unmapped streams, %,d without an ECOSYSTEM or"
                        + " SEMVER range or versions, %,d duplicates, %,d malformed",
                records, withdrawn, advisories, otherEcosystem, noPackage, unmappedStream, noRange, duplicates,
                malformedEntries);
    }

    @Override
    public String toString() {
        return describe();
    }
}
