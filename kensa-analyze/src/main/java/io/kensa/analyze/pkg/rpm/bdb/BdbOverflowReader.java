package io.kensa.analyze.pkg.rpm.bdb;

import io.kensa.analyze.pkg.rpm.RpmDbFormatException;

import java.io.IOException;
import java.util.Arrays;

/**
 * Reassembles an item stored off-page: a chain of overflow pages linked by their next-page field, each holding
 * {@code highFreeOffset} data bytes after the page header, together exactly the item's declared length. The
 * buffer grows with the bytes actually found, so a hostile declared length costs no memory by itself.
 */
final class BdbOverflowReader {
    private final BdbPageReader pages;
    private final long maxLength;
    private static final int INITIAL_BUFFER = 64 * 1024;

    private final PageVisits visits;

    BdbOverflowReader(BdbPageReader pages, long maxLength) {
        this.pages = pages;
        this.maxLength = maxLength;
        this.visits = new PageVisits(pages.meta().lastPage());
    }

    byte[] read(long firstPage, long length) throws IOException {
        if (length > maxLength) {
            throw new RpmDbFormatException("overflow item at page " + firstPage + " declares " + length
                    + " bytes, more than the limit of " + maxLength);
        }
        byte[] out = new byte[(int) Math.min(length, INITIAL_BUFFER)];
        int filled = 0;
        long page = firstPage;
        visits.newWalk();
        while (page != 0) {
            BdbPage p = pages.read(page);
            if (!visits.firstVisit(page)) {
                throw new RpmDbFormatException("overflow chain starting at page " + firstPage
                        + " loops back to page " + page);
            }
            if (p.type() != BdbPage.P_OVERFLOW) {
                throw new RpmDbFormatException("overflow chain starting at page " + firstPage + " reaches page "
                        + page + " of type " + p.type() + ", expected 7 (overflow)");
            }
            int n = p.highFreeOffset();
            if (n > p.size() - p.headerSize()) {
                throw new RpmDbFormatException("overflow page " + page + " claims " + n + " data bytes, more than"
                        + " fit the page");
            }
            if (filled + (long) n > length) {
                throw new RpmDbFormatException("overflow chain starting at page " + firstPage
                        + " holds more than the item's " + length + " bytes");
            }
            if (filled + n > out.length) {
                out = Arrays.copyOf(out, (int) Math.min(length, Math.max(filled + n, 2L * out.length)));
            }
            p.copy(p.headerSize(), out, filled, n);
            filled += n;
            page = p.nextPage();
        }
        if (filled != length) {
            throw new RpmDbFormatException("overflow chain starting at page " + firstPage + " ends after " + filled
                    + " of the item's " + length + " bytes");
        }
        return out;
    }
}
