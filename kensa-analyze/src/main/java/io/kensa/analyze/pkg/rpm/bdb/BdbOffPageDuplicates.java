package io.kensa.analyze.pkg.rpm.bdb;

import io.kensa.analyze.pkg.rpm.RpmDbFormatException;

import java.io.IOException;

/**
 * Reads an off-page duplicate set: a btree (sorted duplicates, leaves of type P_LDUP) or recno tree (unsorted
 * duplicates, leaves of type P_LRECNO). Descends along the first child of internal pages to the leftmost leaf,
 * then follows the leaf chain, yielding each live data item; large items point to overflow chains.
 */
final class BdbOffPageDuplicates {
    private static final int B_KEYDATA = 1;
    private static final int B_OVERFLOW = 3;
    private static final int B_DELETE = 0x80;
    private static final int MAX_DEPTH = 64;

    interface ValueSink {
        void value(byte[] value, boolean overflow) throws IOException;
    }

    private final BdbPageReader pages;
    private final BdbOverflowReader overflow;
    private PageVisits visits; // created on first use: rpm never stores duplicates

    BdbOffPageDuplicates(BdbPageReader pages, BdbOverflowReader overflow) {
        this.pages = pages;
        this.overflow = overflow;
    }

    void read(long root, ValueSink sink) throws IOException {
        if (visits == null) {
            visits = new PageVisits(pages.meta().lastPage());
        }
        visits.newWalk();
        long page = root;
        BdbPage p = visit(root, page);
        int depth = 0;
        while (p.type() == BdbPage.P_IBTREE || p.type() == BdbPage.P_IRECNO) {
            if (++depth > MAX_DEPTH || p.entries() == 0) {
                throw new RpmDbFormatException("duplicate tree at page " + root + " has a bad internal page " + page);
            }
            int off = p.itemOffset(0);
            // BINTERNAL: len(2) type(1) unused(1) pgno(4) ...; RINTERNAL: pgno(4) nrecs(4)
            page = p.type() == BdbPage.P_IBTREE ? p.u32(off + 4) : p.u32(off);
            p = visit(root, page);
        }
        while (true) {
            if (p.type() != BdbPage.P_LDUP && p.type() != BdbPage.P_LRECNO) {
                throw new RpmDbFormatException("duplicate tree at page " + root + " reaches page " + page
                        + " of type " + p.type() + ", expected a duplicate leaf page");
            }
            leaf(p, sink);
            page = p.nextPage();
            if (page == 0) {
                return;
            }
            p = visit(root, page);
        }
    }

    private BdbPage visit(long root, long page) throws IOException {
        BdbPage p = pages.read(page);
        if (!visits.firstVisit(page)) {
            throw new RpmDbFormatException("duplicate tree at page " + root + " loops back to page " + page);
        }
        return p;
    }

    private void leaf(BdbPage p, ValueSink sink) throws IOException {
        for (int i = 0; i < p.entries(); i++) {
            int off = p.itemOffset(i);
            int type = p.u8(off + 2);
            if ((type & B_DELETE) != 0) {
                continue;
            }
            switch (type) {
                case B_KEYDATA -> sink.value(p.bytes(off + 3, p.u16(off)), false);
                // BOVERFLOW: unused(2) type(1) unused(1) pgno(4) tlen(4)
                case B_OVERFLOW -> sink.value(overflow.read(p.u32(off + 4), p.u32(off + 8)), true);
                default -> throw new RpmDbFormatException("duplicate leaf page " + p.number() + ": item " + i
                        + " has unknown type " + type);
            }
        }
    }
}
