package io.kensa.core;

/** The source package a binary package was built from (dpkg Source, apk origin, rpm SOURCERPM). */
public record SourcePackage(String name, String version) {
}
