"""The project promises: Binder's environment matches pyproject, the README's code runs,
the Makefile and CI do the set-up, and `import pkmodel` stays light."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# conda-forge names that differ from PyPI names
CONDA_NAME = {"matplotlib": "matplotlib-base"}


def _name(spec: str) -> str:
    return re.split(r"[<>=!~ \[;]", spec.strip(), maxsplit=1)[0].lower()


def _pyproject():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


def _environment_packages() -> dict[str, str]:
    """Parse environment.yml's conda dependency list (a small YAML subset, so no YAML dependency)."""
    deps, inside = {}, False
    for line in (ROOT / "environment.yml").read_text().splitlines():
        if re.match(r"^dependencies:\s*$", line):
            inside = True
            continue
        if inside:
            m = re.match(r"^\s+-\s+(\S.*)$", line)
            if m:
                deps[_name(m.group(1))] = m.group(1)
            elif line.strip() and not line.startswith(" "):
                inside = False
    return deps


def test_environment_yml_lists_every_runtime_dependency():
    env = _environment_packages()
    runtime = [_name(d) for d in _pyproject()["project"]["dependencies"]]
    missing = [d for d in runtime if CONDA_NAME.get(d, d) not in env]
    assert not missing, f"environment.yml lacks pyproject runtime dependencies {missing}"
    assert "python" in env and "pip" in env


def test_environment_yml_has_notebook_stack_with_loose_pins():
    env = _environment_packages()
    for pkg in ("jupyterlab", "ipywidgets", "voila"):
        assert pkg in env, pkg
    # Binder's base image has had JupyterLab 4.4, ipywidgets 8.1, Python 3.11: pins must admit them.
    assert "==" not in "".join(env.values()), "exact pins break Binder's base image"
    for spec in env.values():
        assert re.fullmatch(r"[A-Za-z0-9_.\-]+(\s*[<>=!]=?\s*[0-9][0-9.*]*)?(,[<>=!]=?[0-9][0-9.*]*)*", spec), spec


def test_environment_yml_is_valid_yaml_when_yaml_available():
    yaml = pytest.importorskip("yaml")
    data = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert data["channels"] == ["conda-forge"]


def test_postbuild_installs_package_without_sys_path_edits():
    text = (ROOT / "postBuild").read_text()
    assert "pip install" in text and "sys.path" not in text


def test_the_built_package_holds_every_file_it_loads(tmp_path):
    """Binder and a hub install a wheel (``pip install .``), not this checkout: the dashboards'
    front end (``frame_view.js``, read by FrameView) must be inside it, beside every module."""
    import zipfile

    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet",
                    "-w", str(tmp_path), str(ROOT)], check=True, capture_output=True, timeout=300)
    (wheel,) = tmp_path.glob("pkmodel-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    wanted = {p.relative_to(ROOT).as_posix() for p in (ROOT / "pkmodel").rglob("*")
              if p.is_file() and p.suffix in (".py", ".js")}
    assert "pkmodel/dashboards/frame_view.js" in wanted
    assert not wanted - names, f"missing from the wheel: {sorted(wanted - names)}"


def _readme_blocks():
    text = (ROOT / "README.md").read_text()
    return re.findall(r"```python\n(.*?)```", text, flags=re.S)


@pytest.mark.parametrize("i", range(len(_readme_blocks())))
def test_readme_python_blocks_run(i, tmp_path):
    code = _readme_blocks()[i]
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr


def test_readme_shows_the_two_commands_and_notice():
    text = (ROOT / "README.md").read_text()
    assert "make lab" in text and "make test" in text
    assert "for teaching only, not medical advice" in text.lower()


def test_ci_runs_make_test():
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_makefile_serves_on_localhost_with_token():
    text = (ROOT / "Makefile").read_text()
    assert "127.0.0.1" in text
    assert not re.search(r"token=['\"]?['\"]?\s", text) and "disable_check_xsrf" not in text


def test_import_pkmodel_is_light():
    code = ("import sys, pkmodel, pkmodel.literature, pkmodel.metrics, pkmodel.nca;"
            "bad = [m for m in ('ipywidgets', 'matplotlib', 'scipy', 'IPython') if m in sys.modules];"
            "print(','.join(bad))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "", f"import pkmodel pulled in {proc.stdout.strip()}"


#: The rooms of the package, lowest first: a module may import its own layer or lower ones only.
LAYERS = [
    {"units"},
    {"_validate"},
    {"model", "builders", "regimen", "_divided", "_exact", "_steady_state"},
    {"result", "simulate"},
    {"formulas", "measure", "metrics", "nca"},
    {"literature"},
    {"lessons", "lessons_compare", "lessons_interactions"},
    {"plots"},
    {"dashboards"},
    {"figures", "notebook", "exercises"},
]


def _room(path: Path) -> str:
    rel = path.relative_to(ROOT / "pkmodel")
    return rel.parts[0].removesuffix(".py")


def _imported_rooms(path: Path) -> set[str]:
    """Top-level rooms of pkmodel that ``path`` imports (relative or absolute imports)."""
    src = path.read_text()
    depth = len(path.relative_to(ROOT / "pkmodel").parts) - 1  # 0 for pkmodel/x.py
    rooms = set()
    for dots, mod, names in re.findall(r"^\s*from\s+(\.+)([\w.]*)\s+import\s+([^\n#]+)", src, flags=re.M):
        up = len(dots) - 1  # levels above the file's own package
        if up < depth:
            continue  # inside the file's own room
        if mod:
            rooms.add(mod.split(".")[0])
        else:
            rooms.update(n.strip().split(" as ")[0] for n in names.strip("() ").split(","))
    rooms.update(m.split(".")[0] for m in re.findall(r"^\s*(?:from|import)\s+pkmodel\.([\w.]+)", src, flags=re.M))
    return {r for r in rooms if r}


def test_lower_layers_never_import_higher_ones():
    layer = {room: i for i, rooms in enumerate(LAYERS) for room in rooms}
    files = [f for f in (ROOT / "pkmodel").rglob("*.py") if f.name != "__init__.py" or f.parent.name != "pkmodel"]
    unknown = sorted({_room(f) for f in files} - set(layer))
    assert not unknown, f"new rooms need a layer in LAYERS: {unknown}"
    for f in files:
        here = layer[_room(f)]
        for dep in _imported_rooms(f):
            if dep in layer:
                assert layer[dep] <= here, f"{f.relative_to(ROOT)} ({_room(f)}) imports higher layer {dep}"


def test_no_sys_path_edits_anywhere():
    """The package is installed; nothing (library, tests, benchmarks, notebooks) edits sys.path."""
    offenders = []
    for path in list(ROOT.glob("pkmodel/**/*.py")) + list(ROOT.glob("tests/**/*.py")) + \
            list(ROOT.glob("benchmarks/*.py")) + list(ROOT.glob("notebooks/**/*.ipynb")) + \
            list(ROOT.glob("notebooks/*.py")):
        text = path.read_text()
        if path.name == "test_project.py":
            continue
        if re.search(r"sys\.path\.(insert|append)|sys\.path\s*\+?=", text):
            offenders.append(str(path.relative_to(ROOT)))
    assert not offenders, offenders


def test_readme_gallery_images_exist():
    text = (ROOT / "README.md").read_text()
    images = re.findall(r"!\[[^\]]*\]\(([^)]+\.png)\)", text)
    assert images, "README shows no screenshots"
    missing = [p for p in images if not (ROOT / p).is_file()]
    assert not missing, f"README gallery points to missing files {missing}; run make screenshots"
