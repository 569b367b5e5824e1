#!/usr/bin/env python3
"""Builds examples/alpine-app.docker.tar: the Alpine 3.11 example image plus one layer of application files.

The layer holds real files taken from the shared corpus images (whose provenance is in
../shared/corpus/images/README.md): log4j-api 2.14.1 as published on Maven Central, the installed package.json of
lodash 4.17.15 and minimist 1.2.0 from the npm registry, and Debian's six 1.16.0 egg-info. They are under
examples/app-src/. The output is deterministic: fixed mtimes, owners and gzip header, so a rebuild gives the same
digests. Usage: python3 examples/build_app_example.py
"""
import gzip, hashlib, io, json, os, tarfile

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = os.path.join(HERE, "alpine-3.11.docker.tar")
SRC = os.path.join(HERE, "app-src")
OUT = os.path.join(HERE, "alpine-app.docker.tar")
MTIME = 1783728000  # 2026-07-11, the corpus' SOURCE_DATE_EPOCH


def app_layer():
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as t:
        for dirpath, dirnames, filenames in os.walk(SRC):
            dirnames.sort()
            rel = os.path.relpath(dirpath, SRC)
            if rel != ".":
                info = tarfile.TarInfo(rel)
                info.type, info.mode, info.mtime = tarfile.DIRTYPE, 0o755, MTIME
                t.addfile(info)
            for name in sorted(filenames):
                path = os.path.join(dirpath, name)
                info = tarfile.TarInfo(os.path.normpath(os.path.join(rel, name)))
                info.size, info.mode, info.mtime = os.path.getsize(path), 0o644, MTIME
                with open(path, "rb") as f:
                    t.addfile(info, f)
    tar_bytes = raw.getvalue()
    gz = io.BytesIO()
    with gzip.GzipFile(fileobj=gz, mode="wb", mtime=0, filename="") as g:
        g.write(tar_bytes)
    return tar_bytes, gz.getvalue()


def main():
    with tarfile.open(BASE) as base:
        manifest = json.load(base.extractfile("manifest.json"))[0]
        config = json.load(base.extractfile(manifest["Config"]))
        base_layers = [(name, base.extractfile(name).read()) for name in manifest["Layers"]]
    tar_bytes, gz_bytes = app_layer()
    diff_id = "sha256:" + hashlib.sha256(tar_bytes).hexdigest()
    layer_name = hashlib.sha256(gz_bytes).hexdigest() + ".tar.gz"
    config["rootfs"]["diff_ids"].append(diff_id)
    config.setdefault("history", []).append({"created": "2026-07-11T00:00:00Z",
                                             "created_by": "COPY app/ /app/ # buildkit"})
    config["config"]["WorkingDir"] = "/app"
    config_bytes = json.dumps(config, sort_keys=True, separators=(",", ":")).encode()
    config_name = hashlib.sha256(config_bytes).hexdigest() + ".json"
    layers = base_layers + [(layer_name, gz_bytes)]
    out_manifest = [{"Config": config_name, "RepoTags": ["kensa-example/alpine-app:1"],
                     "Layers": [name for name, _ in layers]}]
    with tarfile.open(OUT, "w", format=tarfile.USTAR_FORMAT) as out:
        def put(name, data):
            info = tarfile.TarInfo(name)
            info.size, info.mode, info.mtime = len(data), 0o644, MTIME
            out.addfile(info, io.BytesIO(data))
        put(config_name, config_bytes)
        for name, data in layers:
            put(name, data)
        put("manifest.json", json.dumps(out_manifest, separators=(",", ":")).encode())
    print("wrote %s (%d bytes)" % (OUT, os.path.getsize(OUT)))


if __name__ == "__main__":
    main()
