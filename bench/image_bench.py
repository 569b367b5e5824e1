#!/usr/bin/env python3
"""Kensa vs Trivy: an SBOM (CycloneDX) of the same images in the same run, cold and warm cache.

Measures wall time (median of --runs) and peak RSS of each command, beside the floor: decompressing and
hashing the same layers with `gzip -dc | sha256sum`. Trivy's binary unpacks itself at every start (about
2.2 s here), so Trivy is reported both as measured and less its own `--version` time.

Usage (from the project root):
  python3 bench/image_bench.py [--runs 3] [--images NAME,...] [--out bench/results/image-scan.md]
Needs: the corpus at ../shared/corpus (or KENSA_CORPUS), ../shared/peers/trivy.sh (installs Trivy), gzip,
sha256sum. The 200,000-file image is generated once into bench/work/ by the corpus' gen_many_files.py.
"""
import argparse, csv, json, os, shutil, statistics, subprocess, sys, tarfile, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.environ.get("KENSA_CORPUS") or os.path.normpath(os.path.join(ROOT, "..", "shared", "corpus"))
IMAGES = os.path.join(CORPUS, "images")
WORK = os.path.join(ROOT, "bench", "work")
KENSA = [os.path.join(ROOT, "kensa")]


def run(cmd, env=None):
    """Runs cmd; returns (wall seconds, peak RSS in MB). Fails loudly on a non-zero exit."""
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    err = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise RuntimeError("%s exited %d: %s" % (" ".join(cmd[:4]), code, err.strip()[-400:]))
    return wall, usage.ru_maxrss / 1024.0


def median_run(make_cmd, runs, before=None):
    walls, rss = [], []
    for _ in range(runs):
        if before:
            before()
        w, r = run(make_cmd())
        walls.append(w)
        rss.append(r)
    return statistics.median(walls), max(rss)


def layer_blobs(path, dest):
    """Extracts the layer blobs of a docker-archive or OCI layout to dest (untimed); returns their paths."""
    os.makedirs(dest, exist_ok=True)
    out = []
    if os.path.isdir(path):
        index = json.load(open(os.path.join(path, "index.json")))
        desc = index["manifests"][0]
        doc = json.load(open(os.path.join(path, "blobs", "sha256", desc["digest"].split(":")[1])))
        if "manifests" in doc:
            amd = [m for m in doc["manifests"] if m.get("platform", {}).get("architecture") == "amd64"][0]
            doc = json.load(open(os.path.join(path, "blobs", "sha256", amd["digest"].split(":")[1])))
        for layer in doc["layers"]:
            out.append(os.path.join(path, "blobs", "sha256", layer["digest"].split(":")[1]))
        return out
    with tarfile.open(path) as t:
        manifest = json.load(t.extractfile("manifest.json"))
        for i, name in enumerate(manifest[0]["Layers"]):
            target = os.path.join(dest, "%d.blob" % i)
            with t.extractfile(name) as src, open(target, "wb") as dst:
                shutil.copyfileobj(src, dst, 1 << 20)
            out.append(target)
    return out


def floor_cmd(blobs):
    script = 'for f in "$@"; do if [ "$(head -c2 "$f" | od -An -tx1 | tr -d " ")" = "1f8b" ]; then gzip -dc "$f"; else cat "$f"; fi | sha256sum >/dev/null; done'
    return ["bash", "-c", script, "floor"] + blobs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--images", default="")
    ap.add_argument("--out", default=os.path.join(ROOT, "bench", "results", "image-scan.md"))
    ap.add_argument("--kensa-format", default="cyclonedx")
    args = ap.parse_args()

    trivy = subprocess.run(["bash", os.path.join(CORPUS, "..", "peers", "trivy.sh")], capture_output=True,
                           text=True, check=True).stdout.strip().splitlines()[-1]
    os.makedirs(WORK, exist_ok=True)
    many = os.path.join(WORK, "many-files.docker.tar")
    if not os.path.exists(many):
        subprocess.run([sys.executable, os.path.join(IMAGES, "build", "gen_many_files.py"), many], check=True,
                       stdout=subprocess.DEVNULL)
    rows = [r for r in csv.DictReader(open(os.path.join(IMAGES, "images.tsv")), delimiter="\t")
            if r["format"] == "docker-archive"]
    images = [(r["name"], os.path.join(IMAGES, r["file"])) for r in rows] + [("many-files-200k", many)]
    if args.images:
        wanted = set(args.images.split(","))
        images = [i for i in images if i[0] in wanted]

    subprocess.run(KENSA + ["--version"], check=True, stdout=subprocess.DEVNULL)  # build + AOT cache, untimed
    trivy_start = statistics.median(run([trivy, "--version"])[0] for _ in range(3))
    tmp = tempfile.mkdtemp(prefix="kensa-bench-")
    out_file = os.path.join(tmp, "out.json")
    lines = []
    try:
        for name, path in images:
            blobs = layer_blobs(path, os.path.join(tmp, "blobs-" + name))
            fl_wall, _ = median_run(lambda: floor_cmd(blobs), args.runs)
            kcache = os.path.join(tmp, "kensa-cache")
            tcache = os.path.join(tmp, "trivy-cache")

            def fresh_kensa():
                shutil.rmtree(kcache, ignore_errors=True)

            def fresh_trivy():
                shutil.rmtree(tcache, ignore_errors=True)
                subprocess.run(["bash", os.path.join(CORPUS, "..", "peers", "trivy.sh"), "stub-java-db", tcache],
                               check=True, capture_output=True)

            kcmd = lambda: KENSA + ["image", "--input", path, "--format", args.kensa_format, "--cache-dir", kcache,
                                    "--quiet", "-o", out_file]
            tcmd = lambda: [trivy, "image", "--input", path, "--format", "cyclonedx", "--cache-dir", tcache,
                            "--skip-db-update", "--skip-java-db-update", "--offline-scan", "--quiet", "-o", out_file]
            k_cold = median_run(kcmd, args.runs, fresh_kensa)
            k_warm = median_run(kcmd, args.runs)
            t_cold = median_run(tcmd, args.runs, fresh_trivy)
            t_warm = median_run(tcmd, args.runs)
            lines.append((name, os.path.getsize(path), fl_wall, k_cold, t_cold, k_warm, t_warm))
            print("%-22s floor %.2fs  kensa cold %.2fs/%.0fMB warm %.2fs/%.0fMB  trivy cold %.2fs/%.0fMB warm %.2fs/%.0fMB"
                  % (name, fl_wall, k_cold[0], k_cold[1], k_warm[0], k_warm[1], t_cold[0], t_cold[1], t_warm[0],
                     t_warm[1]), flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    md = ["# Image scan: Kensa vs Trivy (CycloneDX SBOM)", "",
          "Median of %d runs, same machine, same run (%s). Trivy start-up (`--version`): %.2f s, subtracted in "
          "the *adj.* columns. Floor = `gzip -dc | sha256sum` of the same layers." % (
              args.runs, time.strftime("%Y-%m-%d"), trivy_start), "",
          "| image | size MB | floor s | Kensa cold s | ×floor | Trivy cold s | Trivy adj. s | Kensa/Trivy adj. | "
          "Kensa warm s | Trivy warm s | Trivy warm adj. s | Kensa RSS MB | Trivy RSS MB |",
          "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name, size, fl, kc, tc, kw, tw in lines:
        tc_adj = max(tc[0] - trivy_start, 0.01)
        tw_adj = max(tw[0] - trivy_start, 0.01)
        md.append("| %s | %.1f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.0f | %.0f |" % (
            name, size / 1e6, fl, kc[0], kc[0] / fl, tc[0], tc_adj, kc[0] / tc_adj, kw[0], tw[0], tw_adj,
            max(kc[1], kw[1]), max(tc[1], tw[1])))
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w") as f:
        f.write("\n".join(md) + "\n")
    print("\n".join(md))


if __name__ == "__main__":
    main()
