package io.kensa.core;

/** The version of this build of Kensa. */
public final class KensaVersion {
    private KensaVersion() {
    }

    public static String get() {
        String v = KensaVersion.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
