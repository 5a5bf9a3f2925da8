r"""Convenient builders for the textbook models: one and two compartments, IV or oral.

:math:`k = CL/V` and :math:`t_{1/2} = \ln 2\,V/CL` for one compartment; the two-compartment drug
has a central compartment (named ``name``, eliminating) and a peripheral one
(``name + "_peripheral"``, same species) joined by the intercompartmental clearance.
"""

from __future__ import annotations

from .model import Absorption, Compartment, Model, Transfer


def one_compartment(volume: float, clearance: float, *, ka: float | None = None,
                    bioavailability: float = 1.0, lag: float = 0.0, name: str = "drug",
                    molar_mass: float | None = None) -> Model:
    r"""One-compartment model, IV or (with ``ka``) oral: :math:`k = CL/V`, :math:`t_{1/2} = \ln2\,V/CL`."""
    absorption = None if ka is None else Absorption(name, ka, bioavailability, lag)
    return Model((Compartment(name, volume, clearance, molar_mass),), (), absorption, name=name)


def two_compartment(central_volume: float, clearance: float, peripheral_volume: float,
                    intercompartmental_clearance: float, *, ka: float | None = None,
                    bioavailability: float = 1.0, lag: float = 0.0, name: str = "drug",
                    molar_mass: float | None = None) -> Model:
    """Two-compartment model: central (``name``) ⇄ peripheral (``name + "_peripheral"``), elimination from central."""
    periph = f"{name}_peripheral"
    comps = (Compartment(name, central_volume, clearance, molar_mass),
             Compartment(periph, peripheral_volume, 0.0, molar_mass, species=name))
    transfers = (Transfer(name, periph, intercompartmental_clearance),
                 Transfer(periph, name, intercompartmental_clearance))
    absorption = None if ka is None else Absorption(name, ka, bioavailability, lag)
    return Model(comps, transfers, absorption, name=name)
