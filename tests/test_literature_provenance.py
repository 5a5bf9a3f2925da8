"""Sources, values with provenance, and the no-orphan-constant rule."""

import dataclasses
import importlib
import inspect
import pkgutil
import re
import warnings

import pytest

import pkmodel.literature
from pkmodel import literature as lit
from pkmodel.literature import values as V

REQUIRED_KEYS = {"K75", "G21", "G80", "G89", "ABS", "AB79", "K77", "CZ1", "CZ3", "OX1", "TZ1", "TZ_CIM",
                 "Q99", "FC", "G84", "P94", "O81b", "R78", "BEERS", "KL75", "G78c", "G79L"}


def _literature_modules():
    """Every module of pkmodel.literature (generic machinery and every drug module)."""
    pkg = pkmodel.literature
    return [importlib.import_module(m.name) for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + ".")]


def _module_values():
    for mod in _literature_modules():
        for name, val in vars(mod).items():
            if isinstance(val, V.Value):
                yield f"{mod.__name__}.{name}", val
            elif isinstance(val, dict):
                for k, x in val.items():
                    if isinstance(x, V.Value):
                        yield f"{mod.__name__}.{name}[{k}]", x
                    elif isinstance(x, tuple):
                        for i, y in enumerate(x):
                            if isinstance(y, V.Value):
                                yield f"{mod.__name__}.{name}[{k}][{i}]", y


def test_all_sources_present_and_frozen():
    assert REQUIRED_KEYS <= set(lit.SOURCES)
    s = lit.SOURCES["G21"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.year = 2000
    assert [x.key for x in lit.sources()] == list(lit.SOURCES)
    assert lit.SOURCES["BEERS"].doi == "10.1111/jgs.18372"


@pytest.mark.parametrize("key", sorted(REQUIRED_KEYS))
def test_cite_gives_identifier_or_flags_details_to_confirm(key):
    text = lit.cite(key)
    src = lit.SOURCES[key]
    if src.identifier:
        assert src.identifier in text
    else:
        # No DOI/PMID verified yet: the record must say so rather than invent one.
        assert key in lit.IDENTIFIER_PENDING
        assert "details to confirm" in src.note and "not yet verified" in text
    # what students read is a neutral remark, never the to-do mark itself
    assert "details to confirm" not in text
    assert src.title.replace("details to confirm", "not yet verified") in text


def test_references_markdown_numbered():
    md = lit.references(["G21", "K75"])
    lines = md.splitlines()
    assert lines[0].startswith("1. **G21**") and "10.1002/jcph.1726" in lines[0]
    assert lines[1].startswith("2. **K75**") and "PMID 1127104" in lines[1]
    assert len(lit.references().splitlines()) == len(lit.SOURCES)
    assert lit.references("G21") == lit.references(["G21"])  # a single key is accepted
    with pytest.raises(ValueError, match="unknown source key 'XYZ'"):
        lit.cite("XYZ")


def _all_reachable_presets():
    """Every drug's presets, its at_age models across the range, and every modifier on diazepam."""
    out = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", lit.ExtrapolationWarning)
        for drug in lit.drugs():
            for group in lit.groups(drug):
                out.append(lit.preset(group, drug=drug))
                out.append(lit.preset(group, drug=drug, weight_kg=55))
            for age in (18, 45, 80, 100):
                out.append(lit.at_age(age, drug=drug))
        for name in lit.PRESETS:
            out.append(lit.preset(name, full=True))
        for drug in ("oxazepam", "temazepam"):
            for sex in ("male", "female"):
                out.append(lit.preset("elderly", drug=drug, sex=sex))
        for age in (18, 45, 80, 100):
            for sex in (None, "male", "female"):
                out.append(lit.at_age(age, sex=sex, full=True))
    mods = [lit.modifier(m) for m in lit.MODIFIERS if m != "cyp2c19"]
    mods += [lit.modifier("cyp2c19", genotype=g) for g in lit.GENOTYPES]
    base = lit.preset("elderly", full=True)
    out += [lit.apply(base, m) for m in mods]
    out.append(lit.apply(base, *mods))
    out.append(lit.preset("young adult", fraction_to_dmdz=0.3))
    return out, mods


def _check_traceable(val, where):
    """Every leaf is a reported value with a known source, a listed teaching assumption, or user input."""
    kind = val.kind
    assert kind != "orphan", f"orphan constant at {where}: {val}"
    if kind == "reported":
        assert val.source_key in lit.SOURCES, where
        src = lit.SOURCES[val.source_key]
        # DOI or PMID, or an explicitly listed source whose identifier is still to be confirmed.
        assert src.identifier or val.source_key in lit.IDENTIFIER_PENDING, where
        assert val.reported, f"reported value without what was reported at {where}"
    elif kind == "assumption":
        assert val.name in lit.TEACHING_ASSUMPTIONS, f"unlisted assumption {val.name} at {where}"
    elif kind == "input":
        assert val.reported.startswith("input:")
    else:  # derived
        assert val.reported, f"derived value without its formula at {where}"
        for i, d in enumerate(val.derived_from):
            _check_traceable(d, f"{where} <- [{i}]")


def test_no_orphan_constants_anywhere():
    presets, mods = _all_reachable_presets()
    n = 0
    for p in presets:
        for k, val in p.parameters.items():
            _check_traceable(val, f"{p.label}: {k}")
            n += 1
            assert p.cite(k)  # a citation string can be printed for any number
    for m in mods:
        for k, val in m.parameters.items():
            _check_traceable(val, f"{m.label}: {k}")
    for p in presets:
        for k, val in lit.default_cvs(p).items():
            _check_traceable(val, f"{p.label}: CV {k}")
    for drug in lit.drugs():
        d = lit.get_drug(drug)
        for k, val in d.default_cv.items():
            _check_traceable(val, f"{drug} DEFAULT_CV {k}")
        for g in d.published_groups:
            _check_traceable(g.half_life, f"{drug} published group {g.source_key} {g.group}")
        for r in d.single_dose_peaks:
            for val in (r.peak, r.tmax):
                if val is not None:
                    _check_traceable(val, f"{drug} single dose {r.source_key}")
    for s in lit.SPECIES.values():
        for k, val in s.published.items():
            _check_traceable(val, f"{s.name}: {k}")
        if s.unbound_fraction is not None:
            _check_traceable(s.unbound_fraction, f"{s.name}: unbound_fraction")
    assert n > 500


def test_every_drug_preset_cites_identified_sources_only():
    # the brief's rule: every value reachable from every drug's presets is cited with a DOI or PMID,
    # derived, or a named assumption; sources still without one are exactly IDENTIFIER_PENDING
    presets, _ = _all_reachable_presets()
    assert {p.drug for p in presets} == set(lit.drugs()) == {"diazepam", "lorazepam", "oxazepam", "temazepam"}
    for p in presets:
        for key in p.sources:
            assert lit.SOURCES[key].identifier or key in lit.IDENTIFIER_PENDING, (p.label, key)


def test_every_module_level_value_is_traceable():
    found = list(_module_values())
    assert len(found) > 100
    for name, val in found:
        _check_traceable(val, name)


def test_teaching_assumptions_listed_and_named():
    found = {val.name for _, val in _module_values() if val.assumption}
    assert found == set(lit.TEACHING_ASSUMPTIONS)
    assert "DIAZEPAM_TWO_COMPARTMENT_CALIBRATION" in found
    f = lit.FRACTION_DZ_TO_DMDZ
    assert f.kind == "assumption" and f.source_key is None and f.derived_from is None
    assert "teaching assumption" in f.reported and "teaching assumption" in f.cite()
    with pytest.raises(ValueError, match="needs a name"):
        lit.Value(0.5, "1", assumption=True)


def test_assumptions_listed_before_any_preset_is_built():
    # a fresh interpreter: the calibration is registered at import, not only after the first preset
    import subprocess
    import sys
    code = "import pkmodel.literature as lit; print(sorted(lit.TEACHING_ASSUMPTIONS))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "DIAZEPAM_TWO_COMPARTMENT_CALIBRATION" in out and "FRACTION_DZ_TO_DMDZ" in out


def test_orphan_detector_catches_a_bare_number():
    with pytest.raises(AssertionError, match="orphan"):
        _check_traceable(lit.Value(1.0, "h"), "bare")


def test_cite_reaches_doi_for_a_derived_volume():
    text = lit.preset("elderly").cite("diazepam.volume")
    assert "V = CL*t1/2/ln2" in text
    assert "doi:10.1002/jcph.1726" in text  # G21 (t1/2 86 h)
    assert "doi:10.1097/00007691-198911000-00007" in text  # G89 (CL anchor)


def test_value_validation():
    with pytest.raises(ValueError, match="source_key"):
        lit.Value(1.0, "h", source_key="NOPE")
    with pytest.raises(ValueError, match="value of .*got nan"):
        lit.Value(float("nan"), "h", source_key="G21")


def test_species_molar_masses_and_lookup():
    mm = {k: s.molar_mass for k, s in lit.SPECIES.items()}
    assert mm == {"diazepam": 284.74, "desmethyldiazepam": 270.71, "temazepam": 300.74, "oxazepam": 286.71,
                  "lorazepam": 321.16}
    assert lit.species("nordiazepam").name == "desmethyldiazepam"
    with pytest.raises(ValueError, match="unknown species 'lorazepan'.*did you mean 'lorazepam'"):
        lit.species("lorazepan")
    # Unbound fractions: DZ from K75 (1 - 0.974), temazepam from TZ1 (2.6 %).
    assert lit.SPECIES["diazepam"].unbound_fraction.value == pytest.approx(0.026, abs=1e-12)
    assert lit.SPECIES["temazepam"].unbound_fraction.value == 0.026


# ----- teaching guard ---------------------------------------------------------------------------
def test_no_public_name_recommends_or_doses():
    import pkmodel
    for mod in (lit, pkmodel):
        for name in dir(mod):
            if name.startswith("_"):
                continue
            low = name.lower()
            assert "recommend" not in low and "dose_for" not in low, name


def test_preset_docstrings_mention_published_group_means():
    for obj in (lit.preset, lit.Preset, lit.at_age):
        assert "published group means" in " ".join(inspect.getdoc(obj).split())


def test_no_plotting_or_widgets_imported():
    import subprocess
    import sys
    code = ("import sys, pkmodel.literature as lit; lit.preset('elderly', full=True); "
            "bad=[m for m in ('matplotlib','ipywidgets','scipy') if m in sys.modules]; print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_no_clinical_thresholds_in_sensitivity():
    assert lit.ILLUSTRATIVE_LABEL == "Illustrative only: not a clinical threshold"
    src = inspect.getsource(lit.illustrative_ec50) + inspect.getsource(lit.illustrative_effect)
    assert "ILLUSTRATIVE" in src
    assert not re.search(r"therapeutic (range|window)|toxic", src, re.I)
