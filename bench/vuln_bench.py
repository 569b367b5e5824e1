#!/usr/bin/env python3
"""Vulnerability scanning: database build, match time, and whole scans beside the inventory alone.

Measures, in one run on the same machine:
  - `kensa db build` of the corpus advisories folder: wall time, peak RSS, database size;
  - per image: the inventory-only scan (`--scanners=`, so no matching) and the vulnerability scan
    (`--scanners vuln --db DB`), each cold (empty layer cache) and warm (cache filled), median of --runs;
  - the match phase alone, as Kensa reports it with KENSA_TIMINGS=1 (the time from the inventory to the
    findings: database lookups, range evaluation, alias merging, enrichment), median of the warm runs.
Trivy is not compared here: its vulnerability DB cannot be fetched offline.

Usage (from the project root):
  python3 bench/vuln_bench.py [--runs 5] [--images NAME,...] [--out bench/results/vuln-scan.md]
Needs the corpus at ../shared/corpus (or KENSA_CORPUS).
"""
import argparse, csv, os, re, shutil, statistics, subprocess, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.environ.get("KENSA_CORPUS") or os.path.normpath(os.path.join(ROOT, "..", "shared", "corpus"))
IMAGES = os.path.join(CORPUS, "images")
KENSA = [os.path.join(ROOT, "kensa")]
DEFAULT_IMAGES = "debian-bookworm-docker,debian-distroless,java-app,node-app,go-binaries,alpine311-apk,python-ruby-app"
TIMING = re.compile(r"timings: .*?match (\d+) ms")


def run(cmd, env=None):
    """Runs cmd; returns (wall seconds, peak RSS MB, stderr). Fails loudly on a non-zero exit."""
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    err = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise RuntimeError("%s exited %d: %s" % (" ".join(cmd[:4]), code, err.strip()[-400:]))
    return wall, usage.ru_maxrss / 1024.0, err


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--images", default=DEFAULT_IMAGES)
    ap.add_argument("--out", default=os.path.join(ROOT, "bench", "results", "vuln-scan.md"))
    args = ap.parse_args()
    subprocess.run(KENSA + ["--version"], check=True, stdout=subprocess.DEVNULL)  # build + AOT cache, untimed
    work = tempfile.mkdtemp(prefix="kensa-vuln-bench-")
    db = os.path.join(work, "kensa.db")
    build_wall, build_rss, _ = run(KENSA + ["db", "build", "--feeds", os.path.join(CORPUS, "advisories"),
                                            "--output", db])
    size_mb = os.path.getsize(db) / 1e6
    print("db build: %.1f s, %.0f MB RSS, %.1f MB" % (build_wall, build_rss, size_mb), flush=True)
    rows = {r["name"]: r for r in csv.DictReader(open(os.path.join(IMAGES, "images.tsv")), delimiter="\t")}
    env = dict(os.environ, KENSA_TIMINGS="1")
    results = []
    for name in args.images.split(","):
        path = os.path.join(IMAGES, rows[name]["file"])
        cache = os.path.join(work, "cache-" + name)
        base = KENSA + ["image", "--input", path, "--format", "json", "--cache-dir", cache, "--quiet"]
        inventory = base + ["--scanners="]
        vuln = base + ["--scanners", "vuln", "--db", db]
        out = {"name": name}
        for label, cmd in (("inv", inventory), ("vuln", vuln)):
            cold, warm, match = [], [], []
            for _ in range(args.runs):
                shutil.rmtree(cache, ignore_errors=True)
                w, _, _ = run(cmd, env)
                cold.append(w)
                w, _, err = run(cmd, env)
                warm.append(w)
                m = TIMING.search(err)
                if m:
                    match.append(int(m.group(1)))
            out[label + "_cold"] = statistics.median(cold)
            out[label + "_warm"] = statistics.median(warm)
            if match:
                out["match_ms"] = statistics.median(match)
        report = subprocess.run(vuln, capture_output=True, text=True, check=True).stdout
        out["findings"] = report.count('"matchReason"')
        print("%-24s inventory cold %.2fs warm %.2fs | vuln cold %.2fs warm %.2fs | match %s ms | %d findings" % (
            name, out["inv_cold"], out["inv_warm"], out["vuln_cold"], out["vuln_warm"], out.get("match_ms"),
            out["findings"]), flush=True)
        results.append(out)
    shutil.rmtree(work, ignore_errors=True)
    with open(args.out, "w") as f:
        f.write("# Vulnerability scan: database build, match time, whole scans\n\n")
        f.write("Same machine, same run (%s), median of %d runs. Corpus advisories: every feed of "
                "`../shared/corpus/advisories`.\n\n" % (time.strftime("%Y-%m-%d"), args.runs))
        f.write("**Database build** (`kensa db build`, whole command): %.1f s wall, %.0f MB peak RSS, "
                "%.1f MB file.\n\n" % (build_wall, build_rss, size_mb))
        f.write("| image | findings | inventory only cold s | vuln scan cold s | inventory only warm s | "
                "vuln scan warm s | match ms (warm, inside the scan) |\n|---|---:|---:|---:|---:|---:|---:|\n")
        for r in results:
            f.write("| %s | %d | %.2f | %.2f | %.2f | %.2f | %s |\n" % (
                r["name"], r["findings"], r["inv_cold"], r["vuln_cold"], r["inv_warm"], r["vuln_warm"],
                r.get("match_ms", "-")))
        f.write("\nInventory only = `--scanners=` (no matching); vuln scan = `--scanners vuln --db DB` "
                "(JSON report). The match column is Kensa's own `KENSA_TIMINGS` figure for the match phase: "
                "from the inventory to the findings, JVM start and report excluded.\n")
    print("wrote", args.out)


if __name__ == "__main__":
    main()
