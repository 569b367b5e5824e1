#!/usr/bin/env python3
"""Secret scanning: Kensa vs Trivy `--scanners secret` on the same images in the same run.

For each image: the floor (`gzip -dc | sha256sum` of its layers), Kensa `--scanners secret` and Trivy
`--scanners secret`, cold cache, median wall time of --runs and peak RSS; the findings of each, scored against
the planted list of secrets-misconfig (recall = planted (path, kind) groups found in their layer; every finding
on another image, or at a path nothing was planted at, is a false positive). Then Kensa `--scanners
secret,malware` (SHA-256 of every file in the same pass) beside Kensa `--scanners secret`: the cost of malware
hashing. Trivy's start-up (`--version`, its self-unpacking) is subtracted in the adj. column.

Usage (from the project root):
  python3 bench/secret_bench.py [--runs 3] [--images NAME,...] [--out bench/results/secret-scan.md]
Needs the corpus at ../shared/corpus (or KENSA_CORPUS) and ../shared/peers/trivy.sh; the 200,000-file image is
generated once into bench/work/ by the corpus' gen_many_files.py.
"""
import argparse, json, os, shutil, statistics, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from image_bench import CORPUS, IMAGES, KENSA, ROOT, WORK, floor_cmd, layer_blobs, median_run, run  # noqa: E402

DEFAULT_IMAGES = ["secrets-misconfig", "debian-bookworm", "java-app", "node-app", "go-binaries",
                  "python-ruby-app", "many-files-200k"]
NOT_SECRETS = {"whiteout", "setuid-root", "eicar"}


def planted():
    p = os.path.join(IMAGES, "secrets-misconfig.expected", "planted.json")
    layers = [l.split("\t")[1] for l in open(os.path.join(IMAGES, "secrets-misconfig.expected", "layers.tsv"))][1:]
    groups = {}
    for s in json.load(open(p))["planted"]:
        if s["kind"] in NOT_SECRETS:
            continue
        key = (s["path"], layers[s["layer"]] if s["layer"] is not None else None)
        groups.setdefault(key, []).append(s["kind"])
    return groups


def kensa_findings(path):
    r = json.load(open(path))
    return [("/" + s["path"].lstrip("/") if s.get("layer") else "config", s.get("layer"), s["ruleId"])
            for s in r.get("secrets", [])]


def trivy_findings(path):
    r = json.load(open(path))
    out = []
    for res in r.get("Results", []) or []:
        for s in res.get("Secrets", []) or []:
            layer = (s.get("Layer") or {}).get("DiffID")
            target = res.get("Target", "")
            out.append(("/" + target.lstrip("/") if layer else "config", layer, s["RuleID"]))
    return out


def score(name, findings, groups):
    """-> (found planted groups, planted groups, false positives)."""
    if name != "secrets-misconfig":
        return 0, 0, len(findings)
    found = 0
    for (path, layer), kinds in groups.items():
        if layer is None:
            hits = [f for f in findings if f[0] == "config"]
        else:
            hits = [f for f in findings if f[0] == path and f[1] == layer]
        found += 1 if len(hits) >= 1 else 0
    planted_paths = {p for p, _ in groups}
    fp = len([f for f in findings if f[0] != "config" and f[0] not in planted_paths])
    return found, len(groups), fp


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--images", default=",".join(DEFAULT_IMAGES))
    ap.add_argument("--out", default=os.path.join(ROOT, "bench", "results", "secret-scan.md"))
    args = ap.parse_args()
    trivy = subprocess.run(["bash", os.path.join(CORPUS, "..", "peers", "trivy.sh")], capture_output=True,
                           text=True, check=True).stdout.strip().splitlines()[-1]
    os.makedirs(WORK, exist_ok=True)
    many = os.path.join(WORK, "many-files.docker.tar")
    if not os.path.exists(many):
        subprocess.run([sys.executable, os.path.join(IMAGES, "build", "gen_many_files.py"), many], check=True,
                       stdout=subprocess.DEVNULL)
    paths = {n: os.path.join(IMAGES, n + ".docker.tar") for n in args.images.split(",")}
    paths["many-files-200k"] = many
    groups = planted()
    subprocess.run(KENSA + ["--version"], check=True, stdout=subprocess.DEVNULL)  # build + AOT cache, untimed
    trivy_start = statistics.median(run([trivy, "--version"])[0] for _ in range(3))
    tmp = tempfile.mkdtemp(prefix="kensa-secret-bench-")
    rows = []
    try:
        for name in args.images.split(","):
            path = paths[name]
            blobs = layer_blobs(path, os.path.join(tmp, "blobs-" + name))
            fl, _ = median_run(lambda: floor_cmd(blobs), args.runs)
            kcache, tcache = os.path.join(tmp, "kc"), os.path.join(tmp, "tc")
            kout, tout = os.path.join(tmp, "k.json"), os.path.join(tmp, "t.json")

            def fresh_k():
                shutil.rmtree(kcache, ignore_errors=True)

            def fresh_t():
                shutil.rmtree(tcache, ignore_errors=True)

            def kcmd(scanners):
                return lambda: KENSA + ["image", "--input", path, "--scanners", scanners, "--format", "json",
                                        "--cache-dir", kcache, "--quiet", "-o", kout]

            tcmd = lambda: [trivy, "image", "--input", path, "--scanners", "secret", "--format", "json",
                            "--cache-dir", tcache, "--quiet", "-o", tout]
            k = median_run(kcmd("secret"), args.runs, fresh_k)
            kf = kensa_findings(kout)
            km = median_run(kcmd("secret,malware"), args.runs, fresh_k)
            t = median_run(tcmd, args.runs, fresh_t)
            tf = trivy_findings(tout)
            rows.append((name, os.path.getsize(path), fl, k, km, t, score(name, kf, groups), len(kf),
                         score(name, tf, groups), len(tf)))
            print("%-24s floor %.2fs kensa %.2fs/%.0fMB (+malware %.2fs) trivy %.2fs/%.0fMB  kensa %d findings,"
                  " trivy %d" % (name, fl, k[0], k[1], km[0], t[0], t[1], len(kf), len(tf)), flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    md = ["# Secret scanning: Kensa vs Trivy (`--scanners secret`)", "",
          "Median of %d cold runs (empty caches), same machine, same run (%s). Floor = `gzip -dc | sha256sum` of "
          "the same layers. Trivy start-up (`--version`): %.2f s, subtracted in *Trivy adj.*. Recall = planted "
          "(path, layer) groups of secrets-misconfig found (the image config's ENV counts as one group); FP = "
          "findings at paths where nothing was planted (every finding on the other images). *+malware* = Kensa "
          "`--scanners secret,malware` (SHA-256 of every file in the same pass)." % (
              args.runs, time.strftime("%Y-%m-%d"), trivy_start), "",
          "| image | size MB | floor s | Kensa s | ×floor | Kensa +malware s | malware cost | Trivy s | Trivy adj. s |"
          " Kensa/Trivy adj. | Kensa RSS MB | Trivy RSS MB | Kensa findings | Kensa recall | Kensa FP |"
          " Trivy findings | Trivy recall | Trivy FP |",
          "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name, size, fl, k, km, t, ks, kn, ts, tn in rows:
        t_adj = max(t[0] - trivy_start, 0.01)
        recall = lambda s: "%d/%d" % (s[0], s[1]) if s[1] else "-"
        md.append("| %s | %.1f | %.2f | %.2f | %.2f | %.2f | %+.0f %% | %.2f | %.2f | %.2f | %.0f | %.0f | %d | %s |"
                  " %d | %d | %s | %d |" % (name, size / 1e6, fl, k[0], k[0] / fl, km[0], (km[0] / k[0] - 1) * 100,
                                            t[0], t_adj, k[0] / t_adj, max(k[1], km[1]), t[1], kn, recall(ks), ks[2],
                                            tn, recall(ts), ts[2]))
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w") as f:
        f.write("\n".join(md) + "\n")
    print("\n".join(md))


if __name__ == "__main__":
    main()
