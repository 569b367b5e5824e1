package io.kensa.analyze.pkg.rpm.header;

/** Data types of rpm header entries ({@code rpmTagType} in rpm's {@code rpmtag.h}). */
public final class RpmTagType {
    public static final int NULL = 0;
    public static final int CHAR = 1;
    public static final int INT8 = 2;
    public static final int INT16 = 3;
    public static final int INT32 = 4;
    public static final int INT64 = 5;
    public static final int STRING = 6;
    public static final int BIN = 7;
    public static final int STRING_ARRAY = 8;
    public static final int I18NSTRING = 9;

    /** Highest type number rpm defines. */
    public static final int MAX = I18NSTRING;

    private RpmTagType() {
    }
}
