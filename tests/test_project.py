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


def test_lower_layers_never_import_higher_ones():
    order = ["_validate", "model", "regimen", "simulate", "metrics", "nca", "literature", "plots",
             "dashboards", "figures", "notebook", "exercises"]
    higher = {"model": order[3:], "regimen": order[3:], "simulate": order[4:], "metrics": order[5:],
              "nca": order[6:], "literature": order[7:], "plots": ["dashboards", "figures", "notebook"]}
    pkg = ROOT / "pkmodel"
    for low, forbidden in higher.items():
        files = [pkg / f"{low}.py"] if (pkg / f"{low}.py").exists() else list((pkg / low).glob("*.py"))
        for f in files:
            src = f.read_text()
            for h in forbidden:
                assert not re.search(rf"^\s*(from\s+(\.|\.\.|pkmodel\.?)\s*{h}\b|import\s+pkmodel\.{h}\b|from\s+\.\.?\s+import\s+.*\b{h}\b)",
                                     src, flags=re.M), f"{f.name} imports higher layer {h}"


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
