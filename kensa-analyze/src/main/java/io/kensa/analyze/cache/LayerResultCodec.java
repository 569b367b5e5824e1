package io.kensa.analyze.cache;

import io.kensa.analyze.FileResult;
import io.kensa.analyze.engine.LayerResult;
import io.kensa.analyze.engine.LinkRecord;
import io.kensa.analyze.malware.MalwareMatch;
import io.kensa.analyze.secret.SecretMatch;
import io.kensa.core.Package;
import io.kensa.core.SourcePackage;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A compact binary form of {@link LayerResult} for the layer cache: explicit, versioned, with no reflection,
 * so reading a warm cache costs microseconds at start-up. Every count and string length is bounded when read,
 * so a damaged cache file fails cleanly (and counts as a miss) instead of exhausting memory.
 */
final class LayerResultCodec {
    static final int MAGIC = 0x4b4c5234; // "KLR4"
    private static final int MAX_COUNT = 10_000_000;
    private static final int MAX_STRING = 64 << 20;

    private LayerResultCodec() {
    }

    static void write(LayerResult r, DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        string(out, r.diffId());
        out.writeLong(r.entries());
        out.writeInt(r.files().size());
        for (FileResult f : r.files()) {
            string(out, f.analyzer());
            string(out, f.path());
            out.writeInt(f.packages().size());
            for (Package p : f.packages()) {
                writePackage(out, p);
            }
            out.writeInt(f.properties().size());
            for (Map.Entry<String, String> e : f.properties().entrySet()) {
                string(out, e.getKey());
                string(out, e.getValue());
            }
            strings(out, f.warnings());
            out.writeInt(f.ownedFiles().size());
            for (Map.Entry<String, List<String>> e : f.ownedFiles().entrySet()) {
                string(out, e.getKey());
                strings(out, e.getValue());
            }
            out.writeInt(f.secrets().size());
            for (SecretMatch m : f.secrets()) {
                string(out, m.ruleId());
                string(out, m.category());
                string(out, m.severity());
                string(out, m.title());
                out.writeInt(m.line());
                string(out, m.match());
                out.writeBoolean(m.example());
            }
            out.writeInt(f.malware().size());
            for (MalwareMatch m : f.malware()) {
                string(out, m.engine());
                string(out, m.signature());
                string(out, m.sha256());
            }
        }
        strings(out, r.whiteouts());
        strings(out, r.opaqueDirs());
        out.writeInt(r.links().size());
        for (LinkRecord l : r.links()) {
            string(out, l.path());
            string(out, l.target());
            out.writeBoolean(l.hard());
        }
        strings(out, r.shadows());
        strings(out, r.warnings());
        Map<String, Long> skipped = new TreeMap<>(r.skipped());
        out.writeInt(skipped.size());
        for (Map.Entry<String, Long> e : skipped.entrySet()) {
            string(out, e.getKey());
            out.writeLong(e.getValue());
        }
    }

    static LayerResult read(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a layer cache entry");
        }
        String diffId = string(in);
        long entries = in.readLong();
        int nFiles = count(in);
        List<FileResult> files = new ArrayList<>(Math.min(nFiles, 1024));
        for (int i = 0; i < nFiles; i++) {
            String analyzer = string(in);
            String path = string(in);
            int nPkgs = count(in);
            List<Package> pkgs = new ArrayList<>(Math.min(nPkgs, 4096));
            for (int j = 0; j < nPkgs; j++) {
                pkgs.add(readPackage(in));
            }
            int nProps = count(in);
            Map<String, String> props = new LinkedHashMap<>();
            for (int j = 0; j < nProps; j++) {
                props.put(string(in), string(in));
            }
            List<String> fileWarnings = strings(in);
            int nOwners = count(in);
            Map<String, List<String>> owned = new LinkedHashMap<>();
            for (int j = 0; j < nOwners; j++) {
                owned.put(string(in), strings(in));
            }
            int nSecrets = count(in);
            List<SecretMatch> secrets = new ArrayList<>(Math.min(nSecrets, 1024));
            for (int j = 0; j < nSecrets; j++) {
                secrets.add(new SecretMatch(string(in), string(in), string(in), string(in), in.readInt(), string(in),
                        in.readBoolean()));
            }
            int nMalware = count(in);
            List<MalwareMatch> malware = new ArrayList<>(Math.min(nMalware, 1024));
            for (int j = 0; j < nMalware; j++) {
                malware.add(new MalwareMatch(string(in), string(in), string(in)));
            }
            files.add(new FileResult(analyzer, path, pkgs, props, fileWarnings, owned, secrets, malware, null));
        }
        List<String> whiteouts = strings(in);
        List<String> opaque = strings(in);
        int nLinks = count(in);
        List<LinkRecord> links = new ArrayList<>(Math.min(nLinks, 1024));
        for (int i = 0; i < nLinks; i++) {
            links.add(new LinkRecord(string(in), string(in), in.readBoolean()));
        }
        List<String> shadows = strings(in);
        List<String> warnings = strings(in);
        int nSkipped = count(in);
        Map<String, Long> skipped = new TreeMap<>();
        for (int i = 0; i < nSkipped; i++) {
            skipped.put(string(in), in.readLong());
        }
        return new LayerResult(diffId, files, whiteouts, opaque, links, shadows, entries, warnings, skipped);
    }

    private static void writePackage(DataOutputStream out, Package p) throws IOException {
        string(out, p.type());
        string(out, p.name());
        string(out, p.version());
        string(out, p.arch());
        out.writeBoolean(p.source() != null);
        if (p.source() != null) {
            string(out, p.source().name());
            string(out, p.source().version());
        }
        strings(out, p.licenses());
        string(out, p.vendor());
        string(out, p.modularityLabel());
        string(out, p.purl());
        string(out, p.layer());
        strings(out, p.paths());
        string(out, p.sha1());
        string(out, p.foundBy());
        out.writeBoolean(Boolean.TRUE.equals(p.dev()));
        string(out, p.ownedBy());
    }

    private static Package readPackage(DataInputStream in) throws IOException {
        String type = string(in);
        String name = string(in);
        String version = string(in);
        String arch = string(in);
        SourcePackage source = in.readBoolean() ? new SourcePackage(string(in), string(in)) : null;
        List<String> licenses = strings(in);
        return new Package(type, name, version, arch, source, licenses, string(in), string(in), string(in),
                string(in), strings(in), string(in), string(in), in.readBoolean(), string(in));
    }

    private static void strings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String v : values) {
            string(out, v);
        }
    }

    private static List<String> strings(DataInputStream in) throws IOException {
        int n = count(in);
        List<String> out = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            out.add(string(in));
        }
        return out;
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(DataInputStream in) throws IOException {
        int len = in.readInt();
        if (len == -1) {
            return null;
        }
        if (len < 0 || len > MAX_STRING) {
            throw new IOException("corrupt layer cache entry");
        }
        return new String(in.readNBytes(len), StandardCharsets.UTF_8);
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_COUNT) {
            throw new IOException("corrupt layer cache entry");
        }
        return n;
    }
}
