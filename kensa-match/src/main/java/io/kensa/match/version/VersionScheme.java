package io.kensa.match.version;

/**
 * One ecosystem's ordering of version strings, exactly as its package manager orders them. A scheme is a total
 * order over every string: a version its package manager would reject still compares, by a rule each scheme
 * documents (the matcher never fails a scan on a publisher's odd version).
 */
public interface VersionScheme {

    /** The scheme's name: {@code dpkg}, {@code rpm}, {@code apk}, {@code maven}, {@code npm}, {@code pep440} … */
    String name();

    /** Negative, zero or positive as {@code a} sorts before, equal to, or after {@code b}. */
    int compare(String a, String b);

    /** True when {@code version} is a valid version of this scheme (as its package manager would accept it). */
    boolean isValid(String version);
}
