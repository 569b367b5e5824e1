package io.kensa.analyze.pkg.rpm.bdb;

/**
 * Remembers which pages one walk (an overflow chain, a duplicate tree) has visited, so that a cycle in a damaged
 * or hostile file is detected on its first repeat. One int per page of the file, reused across walks.
 */
final class PageVisits {
    private final int[] walkOfPage;
    private int walk;

    PageVisits(long lastPage) {
        this.walkOfPage = new int[Math.toIntExact(lastPage + 1)];
    }

    /** Starts a new walk; pages visited by earlier walks count as unvisited. */
    void newWalk() {
        walk++;
    }

    /** Marks {@code page} (already checked to be in range) visited; false when this walk has been there. */
    boolean firstVisit(long page) {
        int p = (int) page;
        if (walkOfPage[p] == walk) {
            return false;
        }
        walkOfPage[p] = walk;
        return true;
    }
}
