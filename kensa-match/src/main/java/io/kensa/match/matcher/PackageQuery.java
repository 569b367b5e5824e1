package io.kensa.match.matcher;

/**
 * How one package is looked up in the database.
 *
 * @param namespace where ({@code debian:12}, {@code npm} …)
 * @param name      the name the advisories use (the source package for dpkg and apk)
 * @param version   the version compared with the advisories' ranges (the source version for dpkg)
 * @param subject   how the match reason names what was compared, e.g. {@code source openssl 3.0.11-1~deb12u1}
 */
public record PackageQuery(String namespace, String name, String version, String subject) {
}
