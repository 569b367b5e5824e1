package io.kensa.analyze.pkg.rpm;

import io.kensa.analyze.pkg.rpm.header.MalformedHeaderException;
import io.kensa.analyze.pkg.rpm.header.RpmHeader;
import io.kensa.analyze.pkg.rpm.header.RpmTag;
import io.kensa.core.Package;
import io.kensa.core.SourcePackage;

import java.util.List;
import java.util.Optional;

/**
 * Turns an installed package's rpm header into a Kensa {@link Package} of type {@code rpm}. The
 * {@code gpg-pubkey} pseudo-packages (imported signing keys) are not packages and map to nothing.
 */
public final class RpmPackageMapper {
    /** Name of the pseudo-packages rpm records for imported GPG keys. */
    public static final String GPG_PUBKEY = "gpg-pubkey";

    private RpmPackageMapper() {
    }

    /**
     * The package described by {@code header}, found in the database file {@code dbPath}; empty for a
     * {@code gpg-pubkey}. A header without NAME, VERSION or RELEASE, or with a damaged value, is malformed.
     */
    public static Optional<Package> toPackage(RpmHeader header, String dbPath) throws MalformedHeaderException {
        String name = required(header, RpmTag.NAME, "NAME");
        if (GPG_PUBKEY.equals(name)) {
            return Optional.empty();
        }
        Evr evr = new Evr(header.uint32(RpmTag.EPOCH).orElse(0),
                required(header, RpmTag.VERSION, "VERSION"), required(header, RpmTag.RELEASE, "RELEASE"));
        SourcePackage source = optional(header, RpmTag.SOURCERPM)
                .flatMap(SourceRpm::parse).map(SourceRpm::toSourcePackage).orElse(null);
        List<String> licenses = optional(header, RpmTag.LICENSE).map(List::of).orElse(List.of());
        return Optional.of(new Package("rpm", name, evr.toString(), optional(header, RpmTag.ARCH).orElse(null),
                source, licenses, optional(header, RpmTag.VENDOR).orElse(null),
                optional(header, RpmTag.MODULARITYLABEL).orElse(null), null, null, List.of(dbPath)));
    }

    private static String required(RpmHeader header, int tag, String tagName) throws MalformedHeaderException {
        return optional(header, tag).orElseThrow(() -> new MalformedHeaderException("header has no " + tagName));
    }

    private static Optional<String> optional(RpmHeader header, int tag) throws MalformedHeaderException {
        return header.string(tag).filter(s -> !s.isEmpty());
    }
}
