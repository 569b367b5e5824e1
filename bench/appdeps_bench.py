#!/usr/bin/env python3
"""Kensa vs Trivy on application dependencies: the same images in the same run.

For each image with language ground truth (the corpus' `language-packages.tsv`), both tools list the
application packages (Kensa `--format json`, Trivy `--format cyclonedx`: its package listing without a
vulnerability DB), cold cache, median wall
time of --runs; then each list is compared with the ground truth by (purl type, namespace, name, version):
recall = expected packages found / expected, false = reported packages the ground truth does not have.

Kensa gets the Java index built from the corpus feeds (`kensa db build --feeds`); Trivy runs offline with an
empty Java DB (`trivy.sh stub-java-db`), since its real java-db would be a download: jars without Maven metadata
are then unknown to Trivy. Trivy's start-up (`--version`, its self-unpacking) is subtracted in the adj. column.

Usage (from the project root):
  python3 bench/appdeps_bench.py [--runs 3] [--out bench/results/appdeps.md]
"""
import argparse, csv, json, os, re, shutil, statistics, subprocess, sys, tempfile, time
from urllib.parse import unquote

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.environ.get("KENSA_CORPUS") or os.path.normpath(os.path.join(ROOT, "..", "shared", "corpus"))
IMAGES = os.path.join(CORPUS, "images")
KENSA = [os.path.join(ROOT, "kensa")]
LANG_TYPES = {"maven", "npm", "pypi", "golang", "cargo", "gem", "composer", "nuget", "generic"}


def timed(cmd):
    start = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    if p.returncode != 0:
        raise RuntimeError("%s exited %d: %s" % (" ".join(cmd[:4]), p.returncode, p.stderr.strip()[-400:]))
    return wall


def pep503(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def purl_key(purl):
    """pkg:type/ns/name@version -> (type, ns, name, version) with the version's leading v dropped."""
    if not purl or not purl.startswith("pkg:"):
        return None
    rest = purl[4:].split("#", 1)[0].split("?", 1)[0]
    path, _, version = rest.partition("@")
    parts = [unquote(p) for p in path.split("/")]
    t, name, ns = parts[0].lower(), parts[-1], "/".join(parts[1:-1]) or None
    if t == "pypi":
        name = pep503(name)
    return t, ns, name, unquote(version).lstrip("v")


def expected(tsv):
    """Ground truth rows -> set of keys (the same reading as the acceptance check)."""
    out = set()
    for r in csv.DictReader(open(tsv, newline=""), delimiter="\t"):
        eco, name, ver = r["ecosystem"], r["name"], r["version"]
        if eco == "maven":
            g, a = name.split(":", 1)
            out.add(("maven", g, a, ver))
        elif eco == "maven-nometa":
            if "spring-web" in name:
                out.add(("maven", "org.springframework", "spring-web", ver))
            elif "Layers Tools" in name:
                out.add(("maven", "org.springframework.boot", "spring-boot-jarmode-layertools", ver))
            elif "beanutils" in name.lower():
                out.add(("maven", "commons-beanutils", "commons-beanutils", ver))
        elif eco == "npm":
            ns, n = name.split("/", 1) if name.startswith("@") else (None, name)
            out.add(("npm", ns, n, ver))
        elif eco == "pypi":
            out.add(("pypi", None, pep503(name), ver))
        elif eco == "gem":
            out.add(("gem", None, name, ver))
        elif eco == "go-binary":
            m = re.search(r"go(\d+\.\d+(?:\.\d+)?)", ver)
            if m:
                out.add(("golang", None, "stdlib", m.group(1)))
    return out


def kensa_packages(report):
    return [k for k in (purl_key(p.get("purl")) for p in report.get("packages", [])) if k and k[0] in LANG_TYPES]


def trivy_packages(bom):
    """Every component of Trivy's CycloneDX SBOM (nested ones too) with a language purl."""
    out = []
    stack = list(bom.get("components") or [])
    while stack:
        c = stack.pop()
        stack.extend(c.get("components") or [])
        k = purl_key(c.get("purl"))
        if k and k[0] in LANG_TYPES:
            out.append(k)
    return out


def score(found, truth):
    """(recall, expected found, false packages): a key found several times counts once for recall; every
    reported package absent from the truth counts as false (Go modules other than stdlib are not in the
    truth of GOPATH builds and are left out, as the acceptance check does)."""
    hits = {k for k in found if k in truth or (k[0] == "maven" and k[1] is None and
                                               any(t[0] == "maven" and t[2] == k[2] and t[3] == k[3] for t in truth))}
    false = [k for k in found if k not in hits and not (k[0] == "golang" and k[2] != "stdlib")]
    matched = {t for t in truth if t in hits or any(h[0] == "maven" and h[1] is None and h[2] == t[2]
                                                    and h[3] == t[3] for h in hits)}
    return len(matched), len(false), false


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--out", default=os.path.join(ROOT, "bench", "results", "appdeps.md"))
    args = ap.parse_args()
    peers = os.path.join(CORPUS, "..", "peers", "trivy.sh")
    trivy = subprocess.run(["bash", peers], capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
    rows = [r for r in csv.DictReader(open(os.path.join(IMAGES, "images.tsv")), delimiter="\t") if r["expected_lang"]]
    subprocess.run(KENSA + ["--version"], check=True, stdout=subprocess.DEVNULL)  # build + AOT cache, untimed
    trivy_start = statistics.median(timed([trivy, "--version"]) for _ in range(3))
    tmp = tempfile.mkdtemp(prefix="kensa-appbench-")
    db = os.path.join(tmp, "kensa.db")
    subprocess.run(KENSA + ["db", "build", "--feeds", os.path.join(CORPUS, "advisories"), "--output", db],
                   check=True, capture_output=True)
    lines = []
    try:
        for row in rows:
            image = os.path.join(IMAGES, row["file"])
            truth = expected(os.path.join(IMAGES, row["expected_lang"]))
            kout, tout = os.path.join(tmp, "k.json"), os.path.join(tmp, "t.json")
            kcache, tcache = os.path.join(tmp, "kc"), os.path.join(tmp, "tc")
            kt, tt = [], []
            for _ in range(args.runs):
                shutil.rmtree(kcache, ignore_errors=True)
                kt.append(timed(KENSA + ["image", "--input", image, "--format", "json", "--db", db, "--cache-dir", kcache,
                                         "--quiet", "-o", kout]))
                shutil.rmtree(tcache, ignore_errors=True)
                subprocess.run(["bash", peers, "stub-java-db", tcache], check=True, capture_output=True)
                tt.append(timed([trivy, "image", "--input", image, "--format", "cyclonedx",
                                 "--cache-dir", tcache, "--skip-db-update",
                                 "--skip-java-db-update", "--offline-scan", "--quiet", "-o", tout]))
            k_found, k_false, k_list = score(kensa_packages(json.load(open(kout))), truth)
            t_found, t_false, t_list = score(trivy_packages(json.load(open(tout))), truth)
            k, t = statistics.median(kt), statistics.median(tt)
            t_adj = max(t - trivy_start, 0.01)
            lines.append((row["name"], len(truth), k, t, t_adj, k_found, k_false, t_found, t_false))
            print("%-16s truth %3d  kensa %.2fs %d found %d false  trivy %.2fs (adj %.2fs) %d found %d false%s" % (
                row["name"], len(truth), k, k_found, k_false, t, t_adj, t_found, t_false,
                ("  trivy false: " + ", ".join("/".join(x for x in f[1:3] if x) + "@" + f[3] for f in t_list[:5]))
                if t_list else ""), flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    md = ["# Application dependencies: Kensa vs Trivy", "",
          "Median of %d cold-cache runs, same machine, same run (%s). Trivy start-up (`--version`): %.2f s, "
          "subtracted in *Trivy adj.*. Recall and false packages against the corpus ground truth "
          "(`language-packages.tsv`), compared by purl type, namespace, name and version. Trivy runs offline "
          "with an empty Java DB; Kensa with the Java index of `kensa db build --feeds ../shared/corpus/advisories`."
          % (args.runs, time.strftime("%Y-%m-%d"), trivy_start), "",
          "| image | truth | Kensa s | Trivy s | Trivy adj. s | Kensa/Trivy adj. | Kensa found | Kensa false | "
          "Trivy found | Trivy false |",
          "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name, n, k, t, t_adj, kf, kx, tf, tx in lines:
        md.append("| %s | %d | %.2f | %.2f | %.2f | %.2f | %d (%.0f%%) | %d | %d (%.0f%%) | %d |" % (
            name, n, k, t, t_adj, k / t_adj, kf, 100.0 * kf / n, kx, tf, 100.0 * tf / n, tx))
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w") as f:
        f.write("\n".join(md) + "\n")
    print("\n".join(md))


if __name__ == "__main__":
    sys.exit(main())
