package io.kensa.analyze.scan;

/** Progress of a scan, for a terminal; calls may come from several threads. */
public interface ScanProgress {

    void layerStarted(int index, int count, String diffId, boolean cached);

    void layerDone(int index, int count, String diffId);

    ScanProgress NONE = new ScanProgress() {
        @Override
        public void layerStarted(int index, int count, String diffId, boolean cached) {
        }

        @Override
        public void layerDone(int index, int count, String diffId) {
        }
    };
}
