package io.kensa.image.tar;

/**
 * One entry of a tar stream, with GNU long names and PAX headers already applied.
 *
 * @param name       the entry name exactly as recorded (not normalised)
 * @param type       the type: see {@link Type}
 * @param size       size of the entry's data in bytes
 * @param mode       permission bits (including setuid/setgid/sticky)
 * @param linkName   target of a symlink or hard link, otherwise null
 * @param dataOffset offset of the entry's data from the start of the stream
 */
public record TarEntry(String name, Type type, long size, int mode, String linkName, long dataOffset) {

    /** The kinds of tar entries Kensa distinguishes. */
    public enum Type { FILE, DIRECTORY, SYMLINK, HARDLINK, OTHER }

    public boolean isFile() {
        return type == Type.FILE;
    }
}
