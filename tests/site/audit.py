"""`make audit`: Lighthouse 12 (mobile) on every page of the built site, with the scores printed.

The site is served from 127.0.0.1 with gzip, as GitHub Pages serves it, and Lighthouse drives
Debian's Chromium (CHROME_PATH). Each page is audited RUNS times and the median of each score
is reported, since one run on a shared 2-core machine is noisy. Exits non-zero when a page
misses a target: performance >= 95, accessibility, best practices and SEO 100.

Usage: python -m tests.site.audit SITE_DIR [PAGE ...]
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import threading

from tests.site import ROOT, pages

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PAGES = pages.URLS
TARGETS = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
RUNS = 3
# Chromium as root with no network (see the browser tests); Lighthouse also needs headless.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
CHROME_FLAGS = " ".join(["--headless=new", *CHROMIUM_ARGS])
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".ipynb", ".txt"}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed for text types when the client accepts it."""

    def send_head(self):  # type: ignore[no-untyped-def]
        path = pathlib.Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the base class redirects to the trailing slash
            path = path / "index.html"
        gzip_ok = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (gzip_ok and path.suffix in COMPRESSIBLE and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format, *args):  # noqa: A002
        pass


def audit(url: str, out: pathlib.Path) -> dict[str, float]:
    """Run Lighthouse once (mobile, its default) and return the four category scores."""
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            "--only-categories=performance,accessibility,best-practices,seo",
            f"--chrome-flags={CHROME_FLAGS}",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")},
        timeout=300,
    )
    report = json.loads(out.read_text(encoding="utf-8"))
    return {name: cat["score"] for name, cat in report["categories"].items()}


def main(argv: list[str]) -> int:
    site = pathlib.Path(argv[0]) if argv else ROOT / "site"
    pages = argv[1:] or PAGES
    if not LIGHTHOUSE.exists():
        print("Lighthouse is not installed: run `npm ci` first.", file=sys.stderr)
        return 2
    handler = functools.partial(GzipHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    failures = []
    print(f"{'page':<34} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5}")
    with tempfile.TemporaryDirectory() as tmp:
        for page in pages:
            runs = [audit(base + page, pathlib.Path(tmp) / "report.json") for _ in range(RUNS)]
            scores = {name: statistics.median(run[name] for run in runs) for name in TARGETS}
            row = [round(100 * scores[name]) for name in TARGETS]
            print(
                f"{page or '(home)':<34} {row[0]:>5} {row[1]:>5} {row[2]:>5} {row[3]:>5}",
                flush=True,
            )
            failures += [
                f"{page or '(home)'}: {name} {scores[name]:.2f} < {target}"
                for name, target in TARGETS.items()
                if scores[name] < target
            ]
    server.shutdown()
    if failures:
        print("\nBelow target:\n  " + "\n  ".join(failures))
        return 1
    print(
        f"\nEvery page meets the targets (median of {RUNS} runs): performance >= 95, "
        "accessibility, best practices and SEO 100."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
