"""The four chemical species: molar masses, unbound fractions and published disposition figures.

Molar masses (g/mol) follow from the molecular formulas: diazepam C16H13ClN2O 284.74,
desmethyldiazepam (nordazepam) C15H11ClN2O 270.71, temazepam C16H13ClN2O2 300.74,
oxazepam C15H11ClN2O2 286.71. Unbound fractions are given only where a verified source reports
one (``None`` otherwise).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import values as v
from .values import Value

#: Compartment names used in every model built here.
DRUGS: tuple[str, ...] = ("diazepam", "desmethyldiazepam", "temazepam", "oxazepam")


@dataclass(frozen=True)
class Species:
    """One chemical species.

    Parameters
    ----------
    name : compartment name (one of :data:`DRUGS`).
    molar_mass : g/mol.
    unbound_fraction : fraction unbound in plasma (a :class:`Value`), or ``None`` if no verified
        source reports it.
    published : published disposition figures, by a short descriptive key.
    aliases : other names (e.g. nordiazepam).
    """

    name: str
    molar_mass: float
    unbound_fraction: Value | None
    published: dict[str, Value] = field(default_factory=dict)
    aliases: tuple[str, ...] = ()


SPECIES: dict[str, Species] = {
    "diazepam": Species(
        "diazepam", 284.74, v.K75_FU,
        {"half_life.young.G21": v.G21_T_HALF_DZ_YOUNG, "half_life.elderly.G21": v.G21_T_HALF_DZ_ELDERLY,
         "half_life.20y.K75": v.K75_T_HALF_AT_20, "half_life.80y.K75": v.K75_T_HALF_AT_80,
         "clearance.G89": v.G89_CL, "half_life.G89": v.G89_T_HALF, "volume.G89": v.G89_V,
         "clearance.low.K75": v.K75_CL_LOW, "clearance.high.K75": v.K75_CL_HIGH,
         "unbound_fraction.AB79": v.AB79_FU,
         **{f"clearance.{sex}.{grp}.G80": val for (sex, grp), val in v.G80_CL.items()},
         "lag.ABS": v.ABS_LAG_MIN, "absorption_half_life.ABS": v.ABS_T_HALF_ABS_MIN,
         "bioavailability.ABS": v.ABS_F},
        aliases=("DZ",)),
    "desmethyldiazepam": Species(
        "desmethyldiazepam", 270.71, None,
        {"half_life.young.G21": v.G21_T_HALF_DMDZ_YOUNG, "half_life.elderly.G21": v.G21_T_HALF_DMDZ_ELDERLY,
         "clearance.K77": v.K77_DMDZ_CL, "half_life.K77": v.K77_DMDZ_T_HALF,
         "clearance.CZ1": v.CZ1_DMDZ_CL, "volume.CZ1": v.CZ1_DMDZ_V, "half_life.CZ1": v.CZ1_DMDZ_T_HALF,
         "half_life.CZ3": v.CZ3_DMDZ_T_HALF, "volume.CZ3": v.CZ3_DMDZ_V},
        aliases=("DMDZ", "nordiazepam", "nordazepam", "N-desmethyldiazepam")),
    "temazepam": Species(
        "temazepam", 300.74, v.TZ1_FU,
        {"clearance.male.TZ1": v.TZ1_CL["male"], "clearance.female.TZ1": v.TZ1_CL["female"],
         "volume.TZ1": v.TZ1_V, "half_life.male.TZ1": v.TZ1_T_HALF["male"],
         "half_life.female.TZ1": v.TZ1_T_HALF["female"], "half_life.TZ_CIM": v.TZ_CIM_T_HALF,
         "clearance.TZ_CIM": v.TZ_CIM_CL},
        aliases=("TZ",)),
    "oxazepam": Species(
        "oxazepam", 286.71, None,
        {"clearance.male.OX1": v.OX1_CL["male"], "clearance.female.OX1": v.OX1_CL["female"],
         "volume.male.OX1": v.OX1_V["male"], "volume.female.OX1": v.OX1_V["female"],
         "half_life.male.OX1": v.OX1_T_HALF["male"], "half_life.female.OX1": v.OX1_T_HALF["female"]},
        aliases=("OX",)),
}


def species(name: str) -> Species:
    """The :class:`Species` called ``name`` (or one of its aliases); ``ValueError`` if unknown."""
    if isinstance(name, str):
        for s in SPECIES.values():
            if name == s.name or name in s.aliases:
                return s
    raise ValueError(f"unknown drug {name!r}; known: {', '.join(DRUGS)} "
                     f"(aliases: {', '.join(a for s in SPECIES.values() for a in s.aliases)})")
