package io.kensa.db.feed.osv;

import static io.kensa.db.feed.osv.EcosystemMapping.exactly;

/**
 * The per-ecosystem {@code all.zip} files of OSV that Kensa reads, as osv.dev serves them
 * ({@code https://osv-vulnerabilities.storage.googleapis.com/<Ecosystem>/all.zip}), each in
 * {@code osv/<directory>/all.zip} of the feeds folder. Each is the one source of the namespaces it maps to.
 *
 * @param publisher who publishes the records that are not GHSA's: the source named on their CVSS scores
 */
public enum OsvSource {
    MAVEN("osv-maven", "Maven", "ghsa", exactly("Maven", "maven")),
    NPM("osv-npm", "npm", "ghsa", exactly("npm", "npm")),
    PYPI("osv-pypi", "PyPI", "pypa", exactly("PyPI", "pypi")),
    GO("osv-go", "Go", "go", exactly("Go", "golang")),
    CRATES_IO("osv-crates-io", "crates.io", "rustsec", exactly("crates.io", "cargo")),
    RUBYGEMS("osv-rubygems", "RubyGems", "ghsa", exactly("RubyGems", "gem")),
    PACKAGIST("osv-packagist", "Packagist", "ghsa", exactly("Packagist", "composer")),
    NUGET("osv-nuget", "NuGet", "ghsa", exactly("NuGet", "nuget")),
    DEBIAN("osv-debian", "Debian", "debian", new DebianReleases()),
    UBUNTU("osv-ubuntu", "Ubuntu", "ubuntu", new UbuntuReleases()),
    REDHAT("osv-redhat", "RedHat", "redhat", new RedHatStreams()),
    SUSE("osv-suse", "SUSE", "suse", new SuseProducts());

    private final String feedId;
    private final String directory;
    private final String publisher;
    private final EcosystemMapping ecosystems;

    OsvSource(String feedId, String directory, String publisher, EcosystemMapping ecosystems) {
        this.feedId = feedId;
        this.directory = directory;
        this.publisher = publisher;
        this.ecosystems = ecosystems;
    }

    /** The feed's id, {@code osv-debian}. */
    public String feedId() {
        return feedId;
    }

    /** The zip, relative to the feeds folder: {@code osv/Debian/all.zip}. */
    public String path() {
        return "osv/" + directory + "/all.zip";
    }

    public String publisher() {
        return publisher;
    }

    public EcosystemMapping ecosystems() {
        return ecosystems;
    }

    /** Who scored the CVSS vectors of record {@code id}: {@code ghsa} for GitHub's advisories, else the publisher. */
    public String scoreSource(String id) {
        return id.startsWith("GHSA-") ? "ghsa" : publisher;
    }
}
