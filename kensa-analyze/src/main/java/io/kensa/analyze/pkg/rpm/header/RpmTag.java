package io.kensa.analyze.pkg.rpm.header;

/** Numbers of the rpm header tags Kensa reads (as defined by rpm's {@code rpmtag.h}). */
public final class RpmTag {
    /** Region tag of legacy (rpm v3) headers. */
    public static final int HEADERIMAGE = 61;
    /** Region tag of a signature header. */
    public static final int HEADERSIGNATURES = 62;
    /** Region tag of the immutable part of a package header, the usual first entry of an installed header. */
    public static final int HEADERIMMUTABLE = 63;

    public static final int NAME = 1000;
    public static final int VERSION = 1001;
    public static final int RELEASE = 1002;
    public static final int EPOCH = 1003;
    public static final int VENDOR = 1011;
    public static final int LICENSE = 1014;
    public static final int ARCH = 1022;
    /** Unix mode of each file (INT16 array, parallel to {@link #BASENAMES}). */
    public static final int FILEMODES = 1030;
    public static final int SOURCERPM = 1044;
    /** For each file, the index of its directory in {@link #DIRNAMES} (INT32 array). */
    public static final int DIRINDEXES = 1116;
    /** The name of each file without its directory (STRING_ARRAY). */
    public static final int BASENAMES = 1117;
    /** The directories of the files, each with a trailing slash (STRING_ARRAY). */
    public static final int DIRNAMES = 1118;
    public static final int MODULARITYLABEL = 5096;

    private RpmTag() {
    }

    /** Whether {@code tag} marks a header region (its data is the 16-byte region trailer, not a value). */
    public static boolean isRegion(int tag) {
        return tag == HEADERIMAGE || tag == HEADERSIGNATURES || tag == HEADERIMMUTABLE;
    }
}
