package io.kensa.analyze.lang.elf;

/**
 * One note of a {@code PT_NOTE} segment.
 *
 * @param owner the note's name without its terminating NUL ({@code GNU}, {@code Go} …)
 * @param type  the owner-specific note type
 */
public record ElfNote(String owner, long type) {
    /** Owner of the build ID note the Go linker writes into every executable. */
    public static final String GO_OWNER = "Go";
    /** Type of the Go build ID note. */
    public static final long GO_BUILD_ID = 4;

    public boolean isGoBuildId() {
        return GO_OWNER.equals(owner) && type == GO_BUILD_ID;
    }
}
