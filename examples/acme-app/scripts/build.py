"""acme-app's build, run by deploy-actions' build: once per platform (standard library only).

Reads DEPLOY_VERSION, DEPLOY_OUT and SOURCE_DATE_EPOCH (set by deploy-actions) and writes:
- python/dist/: the wheel and the sdist of python/ at the release version (PEP 440 spelling),
  with the version stamped into acme_app/__init__.py; the PyPI target uploads them;
- DEPLOY_OUT: the npm package, the Python sources and the Rust sources, which deploy-actions
  packs into the release archive that the GitHub release attaches (assets: build).
Everything is written with fixed timestamps, so a rebuild gives the same bytes.
"""
import base64
import gzip
import hashlib
import io
import os
import re
import shutil
import tarfile
import time
import zipfile

version = os.environ["DEPLOY_VERSION"]
out = os.environ["DEPLOY_OUT"]
epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))


def pep440(semver):
    """1.4.0-rc.1 -> 1.4.0rc1, 1.4.0-beta.2 -> 1.4.0b2, 1.4.0-alpha -> 1.4.0a0."""
    match = re.fullmatch(r"(\d+\.\d+\.\d+)(?:-(alpha|a|beta|b|rc)\.?(\d*))?(?:\+.*)?", semver)
    if not match:
        raise SystemExit(f"build.py: {semver!r} has no PEP 440 spelling this build knows")
    release, pre, number = match.groups()
    if not pre:
        return release
    short = {"alpha": "a", "beta": "b"}.get(pre, pre)
    return f"{release}{short}{number or 0}"


def pyproject_field(text, key):
    match = re.search(rf'^{key} = "([^"]*)"', text, re.M)
    return match.group(1) if match else ""


py_version = pep440(version)
pyproject = open("python/pyproject.toml", encoding="utf-8").read()
name = pyproject_field(pyproject, "name")
dist = re.sub(r"[-_.]+", "_", name).lower()
summary = pyproject_field(pyproject, "description")
requires_python = pyproject_field(pyproject, "requires-python")
metadata = (
    f"Metadata-Version: 2.1\nName: {name}\nVersion: {py_version}\nSummary: {summary}\n"
    f"License: MIT\nRequires-Python: {requires_python}\n"
)

sources = {}
for root, dirs, files in os.walk("python/src"):
    dirs.sort()
    for file in sorted(files):
        if file.endswith(".pyc"):
            continue
        path = os.path.join(root, file)
        data = open(path, "rb").read()
        if file == "__init__.py":
            data = re.sub(rb'__version__ = "[^"]*"', f'__version__ = "{py_version}"'.encode(), data)
        sources[os.path.relpath(path, "python/src").replace(os.sep, "/")] = data


def record_hash(data):
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


os.makedirs("python/dist", exist_ok=True)
for stale in os.listdir("python/dist"):
    if stale.startswith(f"{dist}-"):
        os.remove(os.path.join("python/dist", stale))

info = f"{dist}-{py_version}.dist-info"
wheel_files = dict(sources)
wheel_files[f"{info}/METADATA"] = metadata.encode()
wheel_files[f"{info}/WHEEL"] = b"Wheel-Version: 1.0\nGenerator: acme-build\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
record = "".join(f"{p},{record_hash(d)},{len(d)}\n" for p, d in wheel_files.items()) + f"{info}/RECORD,,\n"
wheel_files[f"{info}/RECORD"] = record.encode()
date_time = tuple(time.gmtime(max(epoch, 315532800))[:6])
with zipfile.ZipFile(f"python/dist/{dist}-{py_version}-py3-none-any.whl", "w", zipfile.ZIP_DEFLATED) as z:
    for path, data in wheel_files.items():
        entry = zipfile.ZipInfo(path, date_time=date_time)
        entry.external_attr = 0o644 << 16
        z.writestr(entry, data, zipfile.ZIP_DEFLATED)

top = f"{dist}-{py_version}"
sdist_files = {f"{top}/PKG-INFO": metadata.encode(), f"{top}/pyproject.toml": pyproject.encode()}
sdist_files.update({f"{top}/src/{p}": d for p, d in sources.items()})
buffer = io.BytesIO()
with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as t:
    for path, data in sdist_files.items():
        entry = tarfile.TarInfo(path)
        entry.size, entry.mtime, entry.mode = len(data), epoch, 0o644
        t.addfile(entry, io.BytesIO(data))
with open(f"python/dist/{top}.tar.gz", "wb") as f:
    f.write(gzip.compress(buffer.getvalue(), mtime=0))

# The release archive's contents: what the project ships as source, per platform folder.
for folder in ("npm", "python/src", "rust/src"):
    shutil.copytree(folder, os.path.join(out, folder), ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
print(f"built {name} {py_version} (wheel, sdist) and the release files for {os.environ.get('DEPLOY_PLATFORM', '')}")
