"""pkmodel: exact linear pharmacokinetics of diazepam and its metabolites, for teaching.

For teaching only, not medical advice: every figure illustrates published group data; nothing
here recommends or adjusts a dose for a person.

The maths layers (model, regimen, simulate, metrics, nca) import only numpy; plotting and
widgets live in :mod:`pkmodel.plots` and :mod:`pkmodel.dashboards`, imported on demand.
"""

from .builders import one_compartment, two_compartment
from .model import Absorption, Compartment, Model, ModelBatch, Transfer
from .regimen import Dose, Regimen, TaperStep, repeated, single_dose, taper
from .simulate import Result, simulate

__version__ = "0.1.0"

from .units import TEACHING_NOTICE

__all__ = [
    "Absorption", "Compartment", "Dose", "Model", "ModelBatch", "Regimen", "Result", "TaperStep",
    "Transfer", "TEACHING_NOTICE", "one_compartment", "repeated", "simulate", "single_dose", "taper",
    "two_compartment",
]
