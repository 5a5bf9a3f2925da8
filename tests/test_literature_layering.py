"""The house reads one way: drug modules <- generic literature machinery <- model/simulate.

Checked on the import statements (ast), so a new module is covered without editing this test.
"""

import ast
from pathlib import Path

import pkmodel.literature

LIT = Path(pkmodel.literature.__file__).parent
GENERIC = [p for p in LIT.glob("*.py") if p.name != "__init__.py"]
DRUG_MODULES = list((LIT / "drugs").rglob("*.py"))


def _imports(path):
    """(module, names) of every import in ``path``, relative imports resolved to dotted names."""
    pkg = ".".join(("pkmodel",) + path.relative_to(LIT.parent).with_suffix("").parts[:-1])
    out = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            out += [(a.name, []) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = pkg.split(".")
            if node.level:
                base = base[: len(base) - (node.level - 1)]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module
            out.append((mod, [a.name for a in node.names]))
    return out


def test_generic_machinery_never_imports_a_drug_module():
    assert len(GENERIC) >= 10
    for path in GENERIC:
        for mod, names in _imports(path):
            assert not mod.startswith("pkmodel.literature.drugs"), (path.name, mod)
            assert not (mod == "pkmodel.literature" and "drugs" in names), path.name


def test_drug_modules_use_only_public_names_of_other_modules():
    assert len(DRUG_MODULES) >= 8
    for path in DRUG_MODULES:
        own = ".".join(("pkmodel",) + path.relative_to(LIT.parent).with_suffix("").parts)
        own_pkg = own.rsplit(".", 1)[0]
        for mod, names in _imports(path):
            assert not mod.startswith(("pkmodel.dashboards", "pkmodel.plots", "matplotlib", "ipywidgets")), path
            inside_own_package = mod.startswith(own_pkg) and own_pkg != "pkmodel.literature.drugs"
            for n in names:
                if n.startswith("_") and not inside_own_package and mod != "pkmodel":
                    raise AssertionError(f"{path.relative_to(LIT)} imports private {n} from {mod}")


def test_engine_knows_no_literature():
    root = LIT.parent
    for name in ("model.py", "simulate.py", "regimen.py", "metrics.py", "nca.py", "units.py"):
        for mod, names in _imports(root / name):
            assert "literature" not in mod and "literature" not in names, (name, mod)
