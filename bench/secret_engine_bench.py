#!/usr/bin/env python3
"""The secret scanning engine on its own, in one JVM (bench/SecretEngineBench.java):

1. engine: every file of the docker-archive corpus images that the secret analyzer reads, held in memory, then
   the analyzer over all of them (binary check, keyword pass, rules, masking), beside gzip decompression of the
   same bytes: MB/s of this thread's CPU time (the machine may be shared) and of wall time.
2. image: the generated 200,000-file image scanned in-process (ImageScanner, no cache, 2 layer threads) with the
   secret analyzer alone, the default analyzers, and both, beside the floor `gzip -dc | sha256sum` of its layers.

The CLI comparison with Trivy is bench/secret_bench.py; this one isolates the engine's cost.

Usage (from the project root):
  python3 bench/secret_engine_bench.py [--runs 5] [--many IMAGE] [--out bench/results/secret-engine.md]
"""
import argparse, csv, os, re, statistics, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from image_bench import IMAGES, KENSA, ROOT, WORK, floor_cmd, layer_blobs, run  # noqa: E402

JAVA_OPTS = ["-XX:+UseSerialGC", "-Xmx1g", "-Xss2m"]


def java():
    home = os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64")
    return os.path.join(home, "bin", "java")


def bench(*args):
    cmd = [java()] + JAVA_OPTS + ["-cp", os.path.join(ROOT, "kensa-cli", "target", "lib", "*"),
                                  os.path.join(ROOT, "bench", "SecretEngineBench.java")] + list(args)
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    print(out, end="", flush=True)
    return out.splitlines()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--out", default=os.path.join(ROOT, "bench", "results", "secret-engine.md"))
    ap.add_argument("--many", default=os.path.join(WORK, "many-files.docker.tar"),
                    help="the generated 200,000-file image (made there when missing)")
    args = ap.parse_args()

    subprocess.run(KENSA + ["--version"], check=True, stdout=subprocess.DEVNULL)  # builds kensa-cli/target/lib
    many = args.many
    if not os.path.exists(many):
        os.makedirs(os.path.dirname(many), exist_ok=True)
        subprocess.run([sys.executable, os.path.join(IMAGES, "build", "gen_many_files.py"), many], check=True,
                       stdout=subprocess.DEVNULL)
    rows = [r for r in csv.DictReader(open(os.path.join(IMAGES, "images.tsv")), delimiter="\t")
            if r["format"] == "docker-archive"]
    images = [os.path.join(IMAGES, r["file"]) for r in rows]

    engine = bench("engine", *images)
    cold = {}
    for _ in range(args.runs):
        for which in ("default", "both", "secret"):
            for line in bench("image", "1", many, which):
                if line.startswith("image "):
                    first = float(re.search(r"first ([0-9.]+) s", line).group(1))
                    cold.setdefault(line.split(":")[0][len("image "):], []).append(first)
    image = bench("image", str(args.runs), many)
    with tempfile.TemporaryDirectory(prefix="kensa-secret-bench-") as tmp:
        blobs = layer_blobs(many, os.path.join(tmp, "blobs"))
        floor = statistics.median(run(floor_cmd(blobs))[0] for _ in range(args.runs))

    md = ["# Secret scanning engine", "",
          "`python3 bench/secret_engine_bench.py` (%s, %d CPUs, load average %.1f at the start)." % (
              time.strftime("%Y-%m-%d"), os.cpu_count(), os.getloadavg()[0]), "",
          "## Engine throughput over the files of the %d docker-archive corpus images" % len(images), "",
          "Rounds over the same files in one JVM (the first includes JIT compilation). MB/s of CPU time of the "
          "scanning thread; gunzip is `GZIPInputStream` over the same bytes, for scale.", "", "```"]
    md += engine
    md += ["```", "", "## The 200,000-file image, in-process", "",
           "Floor `gzip -dc | sha256sum` of its layers: %.2f s (median of %d)." % (floor, args.runs), "",
           "Cold: the first scan in a fresh JVM (class loading and JIT included, JVM start-up not), median of %d:"
           % args.runs, ""]
    md += ["- %s: %.2f s" % (name, statistics.median(times)) for name, times in cold.items()]
    md += ["", "Warm: one JVM, each configuration in turn every round:", "", "```"]
    md += image
    md += ["```", ""]
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w") as f:
        f.write("\n".join(md))
    print("floor %.2f s; written %s" % (floor, args.out))


if __name__ == "__main__":
    main()
