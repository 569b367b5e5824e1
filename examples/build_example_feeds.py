#!/usr/bin/env python3
"""Extracts the small vulnerability feeds under examples/feeds/ from the shared advisory corpus.

The README's first command scans examples/alpine-app.docker.tar with a database built from these extracts
(`kensa db build --feeds examples/feeds`), so it shows real findings without the internet or ../shared. Each
extract keeps the publisher's own format and the records whole (nothing edited), only fewer of them:
  - alpine/secdb/v3.11/{main,community}.json: the Alpine 3.11 secdb files, whole (the example's OS branch);
  - osv/<Ecosystem>/all.zip: the OSV records naming a package of the example's application layer
    (Maven log4j, npm lodash and minimist, PyPI six: none for six 1.16.0), with zip entry times fixed so rebuilds give the same bytes;
  - kev/known_exploited_vulnerabilities.json: the catalog with only the entries for CVEs those records name;
  - epss/...json.gz: the EPSS rendition with only those CVEs.
The corpus' provenance and licences are in ../shared/corpus/advisories/README.md.
Usage: python3 examples/build_example_feeds.py [CORPUS_ADVISORIES_DIR]
"""
import gzip, io, json, os, shutil, sys, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ADV = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "shared", "corpus", "advisories")
OUT = os.path.join(HERE, "feeds")
WANTED = {
    "Maven": {"org.apache.logging.log4j:log4j-api", "org.apache.logging.log4j:log4j-core"},
    "npm": {"lodash", "minimist"},
    "PyPI": {"six"},
}
FIXED_TIME = (2025, 1, 1, 0, 0, 0)


def extract_osv(eco, names):
    src = os.path.join(ADV, "osv", eco, "all.zip")
    dst = os.path.join(OUT, "osv", eco, "all.zip")
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    cves = set()
    kept = 0
    with zipfile.ZipFile(src) as z, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as out:
        for n in sorted(z.namelist()):
            data = z.read(n)
            rec = json.loads(data)
            if any((a.get("package") or {}).get("name") in names for a in rec.get("affected", [])):
                info = zipfile.ZipInfo(n, FIXED_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                out.writestr(info, data)
                kept += 1
                cves.update(i for i in [rec["id"]] + list(rec.get("aliases") or []) if i.startswith("CVE-"))
    if kept == 0:
        os.remove(dst)
        os.rmdir(os.path.dirname(dst))
    print("osv/%s: %d records" % (eco, kept))
    return cves


def extract_alpine():
    for repo in ("main", "community"):
        src = os.path.join(ADV, "alpine", "secdb", "v3.11", repo + ".json")
        dst = os.path.join(OUT, "alpine", "secdb", "v3.11", repo + ".json")
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copyfile(src, dst)
    ids = set()
    for repo in ("main", "community"):
        for p in json.load(open(os.path.join(OUT, "alpine", "secdb", "v3.11", repo + ".json")))["packages"]:
            for fixes in (p["pkg"].get("secfixes") or {}).values():
                ids.update(f.split()[0] for f in fixes if f.strip().startswith("CVE-"))
    print("alpine/secdb/v3.11: %d CVEs" % len(ids))
    return ids


def extract_kev(cves):
    doc = json.load(open(os.path.join(ADV, "kev", "known_exploited_vulnerabilities.json")))
    doc["vulnerabilities"] = [v for v in doc["vulnerabilities"] if v["cveID"] in cves]
    doc["count"] = len(doc["vulnerabilities"])
    dst = os.path.join(OUT, "kev", "known_exploited_vulnerabilities.json")
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    with open(dst, "w") as f:
        json.dump(doc, f, indent=2)
        f.write("\n")
    print("kev: %d entries" % doc["count"])


def extract_epss(cves):
    name = next(n for n in os.listdir(os.path.join(ADV, "epss")) if n.endswith(".json.gz"))
    doc = json.load(gzip.open(os.path.join(ADV, "epss", name)))
    doc["data"] = [d for d in doc["data"] if d["id"] in cves]
    dst = os.path.join(OUT, "epss", name)
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    raw = io.BytesIO()
    with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as g:
        g.write(json.dumps(doc).encode())
    open(dst, "wb").write(raw.getvalue())
    print("epss: %d scores" % len(doc["data"]))


def main():
    cves = extract_alpine()
    for eco, names in WANTED.items():
        cves |= extract_osv(eco, names)
    extract_kev(cves)
    extract_epss(cves)


if __name__ == "__main__":
    main()
