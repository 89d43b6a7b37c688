"""What a reader installs: the lesson's package, with no site-building code in it."""

import hashlib
import json
import pathlib
import pkgutil
import re
import subprocess
import sys
import tarfile
import zipfile
from importlib.metadata import version as installed

import pytest

import vecnn
from tests.site import ROOT, UV
from vecnn import bench

# one process for this file: its tests share a module-scoped fixture (Makefile: loadgroup)
pytestmark = pytest.mark.xdist_group("package")

MODULES = sorted(m.name for m in pkgutil.walk_packages(vecnn.__path__, "vecnn."))


def test_every_module_imports_with_only_the_packages_dependencies():
    """No module of vecnn needs matplotlib, MkDocs or anything else the site's build uses."""
    blocked = ["matplotlib", "mkdocs", "latex2mathml", "yaml", "nbformat", "pytest"]
    code = (
        "import sys, importlib\n"
        f"for name in {blocked!r}: sys.modules[name] = None  # importing it raises ImportError\n"
        f"for name in {[m for m in MODULES if not m.endswith('__main__')]!r}:\n"
        "    importlib.import_module(name)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "vecnn.bench.cli" in MODULES and "vecnn.checks" in MODULES


def test_importing_has_no_side_effects():
    """Importing a module prints nothing and sets no global state such as a plotting backend."""
    modules = [m for m in MODULES if not m.endswith("__main__")]
    code = f"import importlib\nfor name in {modules!r}:\n    importlib.import_module(name)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_the_version_has_one_source():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'version = "{vecnn.__version__}"' in pyproject
    assert "__version__ = " not in (ROOT / "src" / "vecnn" / "__init__.py").read_text().replace(
        '__version__ = version("vecnn")', ""
    )


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> pathlib.Path:
    """The sdist, and the wheel built from it, as `uv build` makes them for a release."""
    if not UV.exists():
        pytest.skip("uv is not installed in .uv/ (make install does it)")
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [str(UV), "build", "--out-dir", str(out), str(ROOT)], check=True, capture_output=True
    )
    return out


@pytest.fixture(scope="module")
def wheel(dist):
    (path,) = dist.glob("vecnn-*.whl")
    return path


def test_the_wheel_holds_the_lesson_and_nothing_else(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    source = ROOT / "src"
    expected = sorted(str(p.relative_to(source)) for p in (source / "vecnn").rglob("*.py"))
    assert sorted(n for n in names if n.endswith(".py")) == expected
    assert not any("figures" in n or "sitebuild" in n or "hooks" in n for n in names)
    metadata = next(n for n in names if n.endswith("METADATA"))
    requires = [
        line
        for line in zipfile.ZipFile(wheel).read(metadata).decode().splitlines()
        if line.startswith("Requires-Dist:") and "extra ==" not in line
    ]
    assert sorted(requires) == ["Requires-Dist: numpy>=2.0", "Requires-Dist: threadpoolctl>=3.1"]


def test_the_wheel_has_full_metadata_and_passes_twine_check(wheel):
    metadata = next(n for n in zipfile.ZipFile(wheel).namelist() if n.endswith("METADATA"))
    text = zipfile.ZipFile(wheel).read(metadata).decode()
    for field in [
        "Summary: How neural networks",
        "License-Expression: MIT",
        "Requires-Python: >=3.11",
        "Project-URL: Documentation, ",
        "Classifier: Programming Language :: Python :: 3.11",
        "Description-Content-Type: text/markdown",
    ]:
        assert field in text, field
    result = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", str(wheel)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0 and "PASSED" in result.stdout, result.stdout + result.stderr


def test_the_site_ships_the_wheel_and_shows_how_to_install_it(site, base_url):
    """The command is pinned by the published wheel's sha256, also listed in SHA256SUMS."""
    (published,) = (site / "downloads").glob("vecnn-*.whl")
    assert published.name == f"vecnn-{vecnn.__version__}-py3-none-any.whl"
    digest = hashlib.sha256(published.read_bytes()).hexdigest()
    sums = (site / "downloads" / "SHA256SUMS").read_text(encoding="utf-8")
    assert sums == f"{digest}  {published.name}\n"
    command = f"pip install {base_url}downloads/{published.name}#sha256={digest}"
    for page in ["index.html", "reference/index.html"]:
        text = re.sub(r"<[^>]+>", "", (site / page).read_text(encoding="utf-8"))
        assert command in text, f"{page} does not show {command}"
    names = zipfile.ZipFile(published).namelist()
    assert "vecnn/layer.py" in names and not any("sitebuild" in n for n in names)


def test_every_console_script_of_the_wheel_runs_in_a_fresh_venv(wheel, tmp_path):
    """Install the wheel alone in a new venv (no editable source, no dev tools), then run every
    script its entry_points.txt declares: --help, and vecnn-bench --quick prints its table."""
    entry_points = next(
        n for n in zipfile.ZipFile(wheel).namelist() if n.endswith("entry_points.txt")
    )
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    scripts = re.findall(r"^([\w-]+) = [\w.]+:\w+$", text.split("[console_scripts]")[1], re.M)
    assert scripts == ["vecnn-bench"], text
    venv = tmp_path / "venv"
    subprocess.run([str(UV), "venv", "--quiet", str(venv)], check=True)
    install = subprocess.run(
        [str(UV), "pip", "install", "--quiet", "--offline", "--python", str(venv), str(wheel)],
        capture_output=True,
        text=True,
    )
    assert install.returncode == 0, install.stderr
    bin_dir = venv / ("Scripts" if sys.platform == "win32" else "bin")
    for script in scripts:
        result = subprocess.run([str(bin_dir / script), "--help"], capture_output=True, text=True)
        assert result.returncode == 0 and f"usage: {script}" in result.stdout, result.stderr
    out = tmp_path / "quick.json"
    result = subprocess.run(
        [str(bin_dir / "vecnn-bench"), "--quick", "--json", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    assert re.search(r"1x2x3 +float32 +lecture loop +[\d.]+ [µm]?s", result.stdout), result.stdout
    assert re.search(r"1x400x25: float32 \d+\.\d\d / \d+\.\d\d", result.stdout), result.stdout
    assert "dense(A_in, W, b) against the bare A_in @ W" in result.stdout
    report = json.loads(out.read_text())
    assert {row["impl"] for row in report["results"]} >= set(bench.IMPLS) - {"torch"}
    assert all(row["median_s"] > 0 for row in report["results"] if "note" not in row)
    for dtype in bench.DTYPES:
        assert (
            report["efficiency"][dtype]["ratio"] > 0
            and report["efficiency"][dtype]["mean_ratio"] > 0
        )
    where = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import vecnn; print(vecnn.__file__)"],
        capture_output=True,
        text=True,
    )
    assert str(venv) in where.stdout, "the venv imported vecnn from somewhere else"


@pytest.mark.slow  # make test-fast runs tests/unit/ from the checkout instead
def test_the_sdist_s_unit_tests_pass_where_it_is_unpacked(dist, tmp_path):
    """The sdist holds the package and tests/unit/ (nothing of the site), and its tests pass in
    a fresh venv that has only vecnn (installed from the sdist), its dependencies, pytest and
    hypothesis: run from the unpacked folder, with the pytest.ini the sdist ships."""
    (sdist,) = dist.glob("vecnn-*.tar.gz")
    with tarfile.open(sdist) as tar:
        names = [name.split("/", 1)[1] for name in tar.getnames()]
        tar.extractall(tmp_path / "unpacked", filter="data")
    assert "pytest.ini" in names and "tests/unit/test_layer.py" in names
    assert not [n for n in names if n.startswith(("tests/site", "hooks", "docs", "tests/conftest"))]
    venv = tmp_path / "venv"
    subprocess.run([str(UV), "venv", "--quiet", str(venv)], check=True)
    needs = [f"{name}=={installed(name)}" for name in ("pytest", "hypothesis")]
    install = [str(UV), "pip", "install", "--quiet", "--python", str(venv), str(sdist), *needs]
    result = subprocess.run(install, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    (folder,) = (tmp_path / "unpacked").iterdir()
    result = subprocess.run(
        [str(venv / "bin" / "pytest"), "-q", "-p", "no:cacheprovider"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    passed = int(re.search(r"(\d+) passed", result.stdout)[1])
    assert passed >= 300 and "skipped" not in result.stdout.splitlines()[-1], result.stdout[-500:]
