package io.kensa.match.vex;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import io.kensa.core.Package;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The package URLs a package answers to when VEX statements and ignore rules name it: its own purl and, for an rpm
 * built from a source rpm, the source rpm's ({@code pkg:rpm/redhat/openssl@3.0.7-27.el9?arch=src}), which is how
 * Red Hat's VEX files name the packages of a fix.
 */
public final class PackagePurls {
    private PackagePurls() {
    }

    public static List<PackageURL> of(Package p) {
        List<PackageURL> out = new ArrayList<>(2);
        PackageURL own = PurlPattern.parsePurl(p.purl());
        if (own != null) {
            out.add(own);
            PackageURL source = sourceRpm(p, own);
            if (source != null) {
                out.add(source);
            }
        }
        return out;
    }

    private static PackageURL sourceRpm(Package p, PackageURL own) {
        if (!"rpm".equals(own.getType()) || p.source() == null || p.source().name() == null
                || p.source().name().isEmpty()) {
            return null;
        }
        String version = p.source().version();
        TreeMap<String, String> qualifiers = new TreeMap<>();
        qualifiers.put("arch", "src");
        if (version != null) {
            int colon = version.indexOf(':');
            if (colon > 0 && version.substring(0, colon).chars().allMatch(Character::isDigit)) {
                if (!version.substring(0, colon).equals("0")) {
                    qualifiers.put("epoch", version.substring(0, colon));
                }
                version = version.substring(colon + 1);
            }
        }
        String epoch = own.getQualifiers() == null ? null : own.getQualifiers().get("epoch");
        if (epoch != null) {
            qualifiers.putIfAbsent("epoch", epoch);
        }
        try {
            return new PackageURL("rpm", own.getNamespace(), p.source().name(),
                    version == null || version.isEmpty() ? null : version, qualifiers, null);
        } catch (MalformedPackageURLException e) {
            return null;
        }
    }
}
