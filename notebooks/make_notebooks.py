"""Writes the teaching notebooks from the cell texts below (run: python notebooks/make_notebooks.py).

Kept beside the notebooks so that the narrative can be reviewed as one text and regenerated;
edit here, run, then commit the .ipynb files. The notebooks themselves stay thin: markdown for
ideas, one- or two-line code cells that call pkmodel.
"""

from pathlib import Path

import nbformat as nbf

HERE = Path(__file__).parent
NOTICE = ("> **For teaching only, not medical advice.** The curves illustrate published group averages "
          "from the cited studies. Nothing here recommends, predicts or adjusts a dose for any person.")
SETUP = "%matplotlib widget\nimport pkmodel as pk\nfrom pkmodel import literature as lit, metrics, dashboards\nfrom pkmodel.notebook import references"

def md(s):
    return nbf.v4.new_markdown_cell(s.strip("\n"))

def code(s):
    return nbf.v4.new_code_cell(s.strip("\n"))

def header(title, minutes, objectives):
    obj = "\n".join(f"- {o}" for o in objectives)
    return md(f"# {title}\n\n{NOTICE}\n\n*About {minutes} minutes.* **You will learn to:**\n{obj}")

NOTEBOOKS = {}

NOTEBOOKS["00_start_here"] = [
    header("0 · Start here: diazepam, age and half-life", 10, [
        "say what these notebooks teach, and what they do not do",
        "move a slider and read a live dashboard",
        "find your way through notebooks 1–8, here or on Binder"]),
    md("""
## What this is
A set of short notebooks about **why diazepam (Valium) and its active metabolite linger longer in
older people**. Every number comes from a published study of *groups* of volunteers or patients,
and every figure can be traced to its paper: each notebook ends with a generated reference list.

What it is **not**: a dosing calculator. The package has no function that recommends or adjusts
a dose for anyone.
"""),
    md("""
## How the pieces fit
| # | notebook | the idea |
|---|---|---|
| 1 | Half-life, volume and clearance | t½ = ln 2 · V / CL |
| 2 | Diazepam across the lifespan | half-life rises three- to four-fold from 20 to 80 years; clearance changes far less |
| 3 | Metabolites | the active metabolite that lingers |
| 4 | Repeated dosing and accumulation | young vs elderly on the same regimen (G21) |
| 5 | Stopping | washout takes weeks in older people |
| 6 | What else changes exposure | genotype, liver disease, interacting drugs |
| 7 | Variability and sensitivity | the average hides the tails; older people are more sensitive |
| 8 | Exercises | estimate a half-life; predict time to steady state |
"""),
    md("""
## Sliders and dashboards
Run a cell with **Shift + Enter**. The first code cell loads the package; the cell after it shows
a dashboard. Drag a slider, or click its handle and use the **arrow keys** for single steps.
The figure redraws in place; the axes stay put so that you can compare, and **Rescale axes**
fits them to what is shown.
"""),
    code(SETUP),
    code("dashboards.half_life_dashboard()"),
    md("""
### Try this
1. Drag the **volume** slider to the right, then click its handle and step back with the arrow keys.
2. Read the table under the sliders: which number changes when you move volume, and which does not?
3. Press **Rescale axes**, then switch the y-axis to **log**.
"""),
    md("""
The package is an ordinary Python library, so a cell can also ask it questions directly.
For example, the published half-lives of diazepam in the two groups of the 2021 study (G21):
"""),
    code("""
young, elderly = lit.preset("young adult"), lit.preset("elderly")
young.model.half_life("diazepam"), elderly.model.half_life("diazepam")
"""),
    code("""
assert round(young.model.half_life("diazepam")) == 31 and round(elderly.model.half_life("diazepam")) == 86
"""),
    md("""
## Running the notebooks
- **On your computer:** `make lab` in the project folder sets everything up and opens this notebook.
- **On Binder:** the *launch binder* badge in the README opens the same notebooks in your browser, with nothing to install.
- **In a lecture:** `make lecture` shows the dashboards without code (Voilà); `make figures` writes PNG and SVG figures for slides.

## Key takeaways
- Each notebook teaches one idea, with a dashboard to feel it.
- Numbers come from published group data, cited below; they describe groups, not a person.
"""),
    md("## References"),
    code('references("G21", "K75", "BEERS")'),
]

NOTEBOOKS["01_half_life_volume_clearance"] = [
    header("1 · Half-life, volume and clearance", 15, [
        "state t½ = ln 2 · V / CL and what each symbol means, with units",
        "explain how half-life can double while clearance stays the same",
        "read a log-scale concentration curve"]),
    md("""
## Two numbers make a half-life
- **Clearance (CL, L/h)**: the volume of plasma cleared of drug per hour, the body's capacity to remove it.
- **Volume of distribution (V, L)**: how much plasma the drug *appears* to be dissolved in; a fat-soluble drug such as diazepam spreads far beyond the blood.
- The elimination rate constant is k = CL / V (per hour) and the half-life is **t½ = ln 2 / k = ln 2 · V / CL**.

A bigger volume means a smaller fraction of the drug passes the liver each hour, so it leaves more slowly, even when the liver works just as hard.
"""),
    code(SETUP),
    code("dashboards.half_life_dashboard()"),
    md("""
### Try this
1. Double the **volume** and leave clearance alone. What happens to t½? To the starting concentration?
2. Now halve the **clearance** instead. Which curve is higher after a week?
3. Switch the y-axis to **log**: why do all the curves become straight lines?
"""),
    md("The same relation, as a calculation: doubling V at constant CL doubles t½."),
    code("""
metrics.half_life(volume=70, clearance=1.6), metrics.half_life(volume=140, clearance=1.6)
"""),
    code("""
assert abs(metrics.half_life(140, 1.6) / metrics.half_life(70, 1.6) - 2) < 1e-12
"""),
    md("""
## Key takeaways
- t½ = ln 2 · V / CL: half-life depends on **both** volume and clearance.
- Half-life can double because the volume doubles, with clearance unchanged: this is what happens to diazepam with age (notebook 2).
- On a log axis a one-compartment decline is a straight line of slope −k.
"""),
    md("## References"),
    code('references("G21", "K75")'),
]

NOTEBOOKS["02_diazepam_across_the_lifespan"] = [
    header("2 · Diazepam across the lifespan", 15, [
        "describe how diazepam's half-life changes from 20 to 80 years (K75)",
        "attribute the change to volume of distribution rather than clearance",
        "contrast K75 with the sex-specific findings of G80"]),
    md("""
## The 1975 finding
Klotz and colleagues (K75) gave diazepam to 33 healthy volunteers aged 15 to 82. The half-life rose
**linearly with age, from about 20 hours at 20 years to about 90 hours at 80 years**, while total
clearance stayed between 20 and 32 mL/min, unrelated to age. The volume of distribution grew with
age. (General background, not from the cited studies: older bodies have relatively more fat,
where this fat-soluble drug goes.)
"""),
    code(SETUP),
    code("dashboards.lifespan_dashboard()"),
    md("""
### Try this
1. Move **age** from 25 to 80 with *either sex (K75 line)*: read t½, V and CL in the table. Then the peak and the AUC: the older person's peak is lower, yet the total exposure (AUC = F · dose / CL) is the same, because clearance did not change.
2. Switch to **men (G80)** and then **women (G80)**: in G80, clearance fell with age in men but not in women.
3. Change **body weight**: which readouts are per kilogram?
4. Move age past 82: the note says the figure is an **extrapolation** beyond the studied ages.
5. Tick **show desmethyldiazepam**: the metabolite appears later and lower in the older person after one dose (K75).
"""),
    md("The lifespan model in numbers: half-life at 20 and 80 years, and clearance at both ages."),
    code("""
at20, at80 = lit.at_age(20), lit.at_age(80)
at20.model.half_life("diazepam"), at80.model.half_life("diazepam")
"""),
    code("""
assert abs(at20.model.half_life("diazepam") - 20) / 20 < 0.15 and abs(at80.model.half_life("diazepam") - 90) / 90 < 0.15
assert abs(at20.clearance("diazepam") - at80.clearance("diazepam")) < 1e-9
"""),
    md("""
## Why one dose wears off before one half-life has passed
After a single dose diazepam first leaves the blood for the tissues: within a few hours the level
falls steeply (**distribution**), then slowly with the half-life (**elimination**). On a log axis
the two phases are two straight stretches. The package's diazepam has a central (plasma) and a
peripheral compartment; how fast the drug spreads is calibrated to the published single-dose peaks
(about 300–400 ng/mL at 1 hour after 10 mg: ABS, G89), and the half-life is still the cited one.
K75 found that the initial distribution space grows with age, so the older person's peak is lower:
the same dose spread over more space, not less drug.
"""),
    code("dashboards.lifespan_dashboard(log=True, horizon_days=2)"),
    md("The peaks after one 10 mg dose, young adult vs elderly (ng/mL and hours), beside the published single-dose peaks:"),
    code("""
single = {p.label: pk.simulate(p.model, pk.single_dose(10), [i / 100 for i in range(400)]).concentration("diazepam", "ng/mL")
          for p in (lit.preset("young adult"), lit.preset("elderly"))}
peaks = {label: round(float(c.max())) for label, c in single.items()}
peaks, [(r.source_key, r.dose_mg, r.peak.value) for r in lit.single_dose_peaks()]
"""),
    code("""
young_peak, old_peak = peaks.values()
assert 300 <= young_peak <= 500 and old_peak < young_peak  # G89 406 ng/mL; ABS 157 ng/mL after 5 mg
"""),
    md("""
## Studies disagree, and that is worth teaching
- K75: no effect of age on clearance. G80: clearance lower in **elderly men** only.
- The young-adult half-life is about 20 h in K75, 31 h in G21 and 44 h in a large study of young men (G89): studies differ, so show the spread rather than one "true" number.

## Key takeaways
- Diazepam's half-life rises about 4.5-fold between 20 and 80 years in K75 (and about 2.8-fold between G21's young and elderly groups).
- The main reason is a larger volume of distribution. Clearance did not change with age in K75; in G80 it was 38 % lower in elderly than in young men, and unchanged in women.
"""),
    md("## References"),
    code('references("K75", "G80", "G21", "G89", "ABS")'),
]

NOTEBOOKS["03_metabolites"] = [
    header("3 · Metabolites: the one that lingers", 15, [
        "trace diazepam → desmethyldiazepam (nordiazepam) and → temazepam, both → oxazepam",
        "tell a formation-limited from an elimination-limited metabolite",
        "explain when a metabolite outlasts its parent, and when it follows it"]),
    md("""
## One drug, four active molecules
The liver converts diazepam (DZ) mainly to **desmethyldiazepam (DMDZ, nordiazepam)** and, by
another route, to **temazepam**; both become **oxazepam**, which is conjugated and excreted
(general pharmacology background; all four are active benzodiazepines). DMDZ has a long
half-life of its own: 40 h young and 80 h elderly in G21, 50.9 h against diazepam's 32.6 h in
K77's healthy volunteers. Temazepam (TZ1: 8–38 h, means 12–17 h) and oxazepam (OX1: 7.5–8.5 h)
are cleared faster and showed no relation to age.

The fraction of diazepam that becomes DMDZ has no primary source here, so the package names it as
an explicit **teaching assumption**:
"""),
    code(SETUP),
    code("{name: f\"{v.value:.4g} {'' if v.unit == '1' else v.unit}\".strip() for name, v in lit.TEACHING_ASSUMPTIONS.items()}"),
    code("print(lit.FRACTION_DZ_TO_DMDZ.cite())"),
    code("dashboards.metabolite_dashboard()"),
    md("""
### Try this
1. With the published DMDZ half-life (young adults), on a **log** axis: which line is last to fall?
2. Slide the DMDZ half-life **below diazepam's**: the metabolite now falls in parallel with its parent. It is *formation-limited*: it cannot disappear faster than it is made. (The what-if changes its clearance, so its level changes too.)
3. Slide it far **above**: the metabolite is *elimination-limited* and outlasts its parent.
4. Switch group to **elderly**: in G21 diazepam's own half-life (86 h) became a little longer than DMDZ's (80 h), so the metabolite now follows its parent; both linger for weeks.
"""),
    code("""
full = lit.preset("young adult", full=True)
{name: round(full.model.half_life(name), 1) for name in full.model.names}
"""),
    code("""
assert full.model.half_life("desmethyldiazepam") > full.model.half_life("diazepam") > full.model.half_life("oxazepam")
"""),
    md("""
## Key takeaways
- DMDZ lingers because it is formed for as long as diazepam is present and is itself eliminated slowly; in young adults it outlasts its parent.
- A metabolite with a shorter half-life than its parent follows the parent's decline (formation-limited), as DMDZ does in G21's elderly group.
- Temazepam and oxazepam are conjugated, cleared faster, and showed no relation to age (TZ1, OX1).
"""),
    md("## References"),
    code('references("G21", "K77", "CZ1", "CZ3", "TZ1", "OX1")'),
]

NOTEBOOKS["04_repeated_dosing_and_accumulation"] = [
    header("4 · Repeated dosing and accumulation", 20, [
        "reproduce the G21 study: 2.5 mg twice daily for 15 days in young and elderly volunteers",
        "compute time to 50 / 90 / 97 % of steady state from a half-life",
        "explain why the same regimen accumulates more, and more slowly, at 80 than at 25"]),
    md("""
## The 2021 study (G21)
Seven young (21–33 y) and eight elderly (61–78 y) healthy volunteers took **2.5 mg of diazepam
twice daily for 15 days**. Troughs were measured during dosing and through the washout. Mean
half-lives: diazepam **31 h young vs 86 h elderly**; desmethyldiazepam **40 h vs 80 h**. Steady-state
levels were 30–35 % higher in the elderly (a difference that was not statistically significant).
"""),
    code(SETUP),
    code("young, elderly = lit.preset(\"young adult\"), lit.preset(\"elderly\")\nyoung.label, elderly.label"),
    md("""
## How long to steady state?
With each dose the level climbs until input equals output. The approach depends on the half-life
only: 50 % after one half-life, 90 % after 3.3, 97 % after 5.
"""),
    code("""
{p.label: [round(metrics.time_to_steady_state(p.model.half_life("diazepam"), f) / 24, 1) for f in (0.5, 0.9, 0.97)]
 for p in (young, elderly)}
"""),
    code("""
assert metrics.time_to_steady_state(elderly.model.half_life("diazepam"), 0.9) > 2.5 * metrics.time_to_steady_state(young.model.half_life("diazepam"), 0.9)
"""),
    md("""
## The dashboard
The sliders span 2–10 mg taken two to four times a day (the adult range printed on the product
label for muscle spasm) so that you can compare what **the same regimen** does at 25 and at 80
years. It compares regimens; it is not a dosing guide.
"""),
    code("dashboards.accumulation_dashboard()"),
    md("""
### Try this
1. Keep G21's regimen (2.5 mg, 2×/day, 15 days). When does the young curve level off? The elderly one?
2. Read the **accumulation ratio**: how much higher is a steady-state trough than the first one?
3. Go to 4×/day: why does accumulation rise when the interval shortens?
4. Shorten dosing to 5 days: the elderly are still far from steady state when dosing stops.
"""),
    md("The G21 comparison in numbers: the elderly/young ratio of the average diazepam level over the last dosing interval. The presets' clearances were *built* from G21's 30–35 %, so this checks the construction (and shows that the average level depends on clearance alone)."),
    code("""
reg = lit.g21_regimen()
last = reg.doses[-1].time
r_young, r_old = pk.simulate(young.model, reg, [0, last + 12]), pk.simulate(elderly.model, reg, [0, last + 12])
ratio = r_old.auc("diazepam", last, last + 12) / r_young.auc("diazepam", last, last + 12)
round(ratio, 2)
"""),
    code("assert 1.2 < ratio < 1.5  # G21: steady-state levels 30–35 % higher in the elderly"),
    md("""
## Key takeaways
- Time to steady state is set by half-life alone: for diazepam, 90 % takes about 4 days young and 12 days elderly (97 %: 5.4 and 18 days).
- At steady state the average level is F · dose / (CL · τ): it depends on clearance, not on volume. That is why the elderly are only 30–35 % higher (G21) despite a half-life almost three times longer.
- Accumulation is slow in older people, so effects can keep building for weeks after a regimen starts.
"""),
    md("## References"),
    code('references("G21", "ABS", "K75")'),
]

NOTEBOOKS["05_stopping"] = [
    header("5 · Stopping: washout", 15, [
        "estimate how long parent and metabolite take to wash out after stopping",
        "explain why effects can linger, and withdrawal appear late, in older people",
        "read a stepwise taper curve as a pharmacokinetic illustration"]),
    md("""
## After the last dose
Once dosing stops, levels fall with the same half-lives that governed accumulation: each
half-life halves what is left. A metabolite falls no faster than its parent keeps forming it, so
desmethyldiazepam is the last to go. In G21 the washout in the elderly took weeks.
"""),
    code(SETUP),
    code("dashboards.stopping_dashboard()"),
    md("""
### Try this
1. Read the table: days from the last dose until diazepam and DMDZ fall below 10 % of their highest level after it, young vs elderly.
2. Use the **log** axis: the slopes after the last dose are the half-lives.
3. Switch to **stepwise taper**. This is a *pharmacokinetic illustration only, never a schedule to follow*: look at how the steps are smoothed out when the half-life is long.
"""),
    md("For a drug on its own, falling to 10 % takes ln(10) / ln(2) ≈ 3.3 half-lives. For diazepam in G21's groups, in days:"),
    code("""
young, elderly = lit.preset("young adult"), lit.preset("elderly")
{p.label: round(metrics.washout_time(p.model.half_life("diazepam"), 0.1) / 24, 1) for p in (young, elderly)}
"""),
    md("A metabolite takes longer than its own half-life suggests, because it keeps being formed. Diazepam itself gets there a little sooner than 3.3 half-lives: just after the last dose its level first drops quickly as the dose spreads into the tissues (distribution, notebook 2). The exact simulation after G21's regimen, in days to fall below 10 % of the highest level after the last dose (diazepam, then DMDZ):"),
    code("""
runs = {p.label: pk.simulate(p.model, lit.g21_regimen(), range(0, 80 * 24)) for p in (young, elderly)}
washout = {label: [round(metrics.time_below_fraction(r, name, 0.1, tolerance=0.01) / 24, 1)
                   for name in ("diazepam", "desmethyldiazepam")] for label, r in runs.items()}
washout
"""),
    code("""
(dz_young, dmdz_young), (dz_old, dmdz_old) = washout.values()
assert dmdz_old > dz_old > dz_young and dmdz_old > 1.8 * dmdz_young
"""),
    md("""
## Why this matters (general background, not from the cited studies)
- Effects such as drowsiness and unsteadiness can outlast the last tablet by days or weeks when levels fall this slowly.
- Withdrawal symptoms after stopping a long-acting benzodiazepine can be **delayed**, because levels fall slowly.
- Decisions about stopping belong to a prescriber with the patient; these curves only show the pharmacokinetics.

## Key takeaways
- A drug on its own takes about 3.3 half-lives to fall to 10 %, 5 half-lives to 3 %.
- A metabolite washes out no faster than its parent keeps forming it: DMDZ is last to go, and in the elderly its washout takes weeks.
"""),
    md("## References"),
    code('references("G21", "K75")'),
]

NOTEBOOKS["06_what_else_changes_exposure"] = [
    header("6 · What else changes exposure", 20, [
        "describe the effect of CYP2C19 genotype, liver cirrhosis, cimetidine, fluvoxamine and rifampin on diazepam",
        "combine them with age, and say what combining assumes",
        "tell pharmacokinetic interactions from pharmacodynamic ones"]),
    md("""
## Each change, from its own study
| change | what was seen | source |
|---|---|---|
| CYP2C19 genotype | DZ t½ 20 / 63 / 84 h for wt/wt, wt/m1, m1/m1 | Q99 |
| alcoholic cirrhosis | DZ t½ 106 vs 47 h, clearance about halved | K75 |
| cimetidine | DZ clearance 0.28 → 0.20 mL/min/kg | FC (and G84) |
| fluvoxamine | DZ t½ 51 → 118 h | P94 |
| rifampin-based TB therapy | DZ clearance about 4-fold higher, t½ 58 → 14 h | O81b |
"""),
    code(SETUP),
    code("lit.MODIFIERS"),
    code("dashboards.modifiers_dashboard()"),
    md("""
### Try this
1. At 70 years, choose **CYP2C19 m1/m1**. How much does the day-15 level rise?
2. Add **cimetidine** on top. The package multiplies the effects as if they were independent: that is an *assumption*, stated in the note.
3. Tick **rifampin**: an enzyme inducer speeds clearance and *lowers* levels.
"""),
    code("""
old = lit.at_age(70)
with_cimetidine = lit.apply(old, lit.modifier("cimetidine"))
round(with_cimetidine.clearance("diazepam") / old.clearance("diazepam"), 3)
"""),
    code("assert abs(with_cimetidine.clearance(\"diazepam\") / old.clearance(\"diazepam\") - 0.20 / 0.28) < 1e-9"),
    md("""
Each change is a ratio to **its study's baseline** (CYP2C19 wt/wt in Q99; the controls in the
others), and the package reads the person on the slider as that baseline. Stacking changes
multiplies their ratios. When the result leaves the range of every published group, no study
measured anything like it, and the package says so:
"""),
    code("""
poor_metaboliser_at_70 = lit.apply(lit.at_age(70), lit.modifier("cyp2c19", genotype="m1/m1"))
round(poor_metaboliser_at_70.half_life()), lit.outside_published(poor_metaboliser_at_70)
"""),
    code("assert lit.outside_published(poor_metaboliser_at_70) is not None and lit.outside_published(old) is None"),
    md("""
## Interactions no concentration curve shows
The changes above are **pharmacokinetic**: they change the concentration. Others are
**pharmacodynamic** (general pharmacology background, not modelled here): alcohol, opioid
painkillers, sedating antihistamines and other benzodiazepines add sedation *at the same
diazepam concentration*. On these plots they would change nothing, yet they also matter for
safety.

## Key takeaways
- Genotype, liver disease and interacting drugs can change diazepam exposure as much as age does.
- Combining factors multiplicatively is an assumption; studies measured them one at a time.
- Pharmacodynamic interactions are invisible on a concentration curve.
"""),
    md("## References"),
    code('references("Q99", "K75", "FC", "G84", "P94", "O81b")'),
]

NOTEBOOKS["07_variability_and_sensitivity"] = [
    header("7 · Variability and sensitivity", 20, [
        "read 5–95 % bands of a virtual population",
        "explain why 'the average patient' hides the tails",
        "explain why older people are more sensitive as well as more exposed, and put the Beers Criteria in context"]),
    md("""
## Nobody is average
Even in 48 healthy young men, diazepam's half-life and volume were widely spread and skewed (G89).
The package draws virtual people with log-normal clearance and volume, using spreads derived from
published standard deviations, and shows the 5th to 95th percentile band.
"""),
    code(SETUP),
    code("dashboards.population_dashboard()"),
    md("""
### Try this
1. At 80 years, read the **95th ÷ 5th** ratio at day 15: how different are two people on the same regimen?
2. Move age to 25: does the band get narrower, or only lower?
3. Switch to **DMDZ**.
"""),
    md("""
## Sensitivity: the same level, more effect
Reidenberg and colleagues (R78) found that both the dose and the plasma level needed for the
same central nervous system depression **fall with age**. The curves below use an *illustrative*
concentration–effect shape (not clinical thresholds) to show what that means.
"""),
    code("dashboards.sensitivity_dashboard()"),
    code("assert lit.illustrative_ec50(80) < lit.illustrative_ec50(25)"),
    md("""
## The Beers Criteria in context
The American Geriatrics Society Beers Criteria advise **avoiding benzodiazepines in older
adults**: they raise the risk of cognitive impairment, delirium, falls, fractures and motor
vehicle crashes (2015 wording: quality of evidence moderate, strength of recommendation strong;
benzodiazepines remain on the avoid list in the 2023 update cited below). The pharmacokinetics of
notebooks 2–5 (more accumulation, slower washout) and the sensitivity above are two of the
reasons.

## Key takeaways
- The same regimen gives a two- to three-fold range of levels (5th to 95th percentile) across people of the same age in this model.
- Older people are more exposed *and* more sensitive; both push in the same direction.
"""),
    md("## References"),
    code('references("G89", "K77", "G21", "R78", "BEERS")'),
]

# Notebook 8: one section per exercise kind (pkmodel.exercises.KINDS), in this order. The
# placeholder answer is wrong for every kind and matches no named mistake (tested), so the
# notebook runs top to bottom and a student who has not answered yet just reads "too low".
PLACEHOLDER_08 = 0.0001
EXERCISES_08 = [
    ("half_life_from_samples", "A half-life from sparse samples"),
    ("clearance_from_auc", "Clearance from dose and AUC"),
    ("bioavailability_from_auc", "Bioavailability: oral against IV"),
    ("volume_from_half_life", "Volume from half-life and clearance"),
    ("accumulation_ratio", "Accumulation on repeated dosing"),
    ("time_to_steady_state", "Time to steady state"),
    ("washout", "Washout after stopping"),
    ("half_life_from_troughs", "A half-life from levels after stopping (as in G21)"),
    ("compare_accumulation", "Which accumulates more?"),
    ("steady_state_average", "The average level at steady state"),
    ("interaction_exposure", "Pharmacokinetic or pharmacodynamic?"),
]

NOTEBOOKS["08_exercises"] = [
    header("8 · Exercises", 45, [
        "estimate a half-life from sparse samples and from levels after stopping",
        "compute clearance, bioavailability and volume from published data",
        "predict accumulation, time to steady state and washout, with units",
        "tell a pharmacokinetic change from a pharmacodynamic one"]),
    md("""
## How this works
Every exercise is built from a published parameter set (a study's group means, cited in the
worked solution), with new numbers for every student: your name picks the drug, the group, the
doses, the sampling times and the measurement noise. Work each one on paper or in a cell of your
own, write your number in the answer cell (in the unit the question asks for) and run it.

A wrong answer is told *too high* or *too low* and, when it looks like a common slip (hours for
days, mg for µg, log10 for ln, the early points, ...), which one. The worked solution appears once
you are right. Stuck? `problems["washout"].reveal()` shows it, but that exercise then does not score.
"""),
    code("from pkmodel import exercises\nfrom pkmodel.notebook import references"),
    code('seed = exercises.seed_for("your name")  # ← your name or student number\nproblems = exercises.problem_set(seed)\nanswers = {}\nproblems'),
] + [cell for i, (kind, title) in enumerate(EXERCISES_08, 1) for cell in (
    md(f"## {i} · {title}"),
    code(f'problems["{kind}"]'),
    code(f'answers["{kind}"] = {PLACEHOLDER_08}  # ← replace with your answer, in the unit the question asks for\n'
         f'problems["{kind}"].check(answers["{kind}"])'))] + [
    md("""
## Your score
Answers left at the placeholder count as *not yet*; revealed exercises do not score.
"""),
    code("exercises.score(problems, answers)"),
    md("""
## Key takeaways
- λz comes from the terminal log-linear phase only; early points mix absorption and distribution.
- CL = F · Dose / AUC, F compares dose-normalised AUCs, and V = CL · t½ / ln 2: units first.
- Accumulation, time to steady state and washout all follow from the half-life and the interval.
"""),
    md("## References"),
    code('references("G21", "G89", "ABS", "K77", "K75", "G79L", "OX1", "TZ1", "FC", "P94", "O81b", "R78")'),
]

SOLUTIONS = {
    "08_exercises_solutions": [
        md("# Worked solutions to notebook 8 (for instructors)\n\n" + NOTICE + """

Each student's problems follow from `exercises.seed_for(name)`. Put your class list below to get
the answer key, or a student's name to see their worked solutions. Not in the students' folder.
"""),
        code("from pkmodel import exercises"),
        code('class_list = ["Ada Lovelace", "Grace Hopper", "s1234567"]\nexercises.answer_key(class_list)'),
        code('problems = exercises.problem_set(exercises.seed_for("Ada Lovelace"))\nfor kind, p in problems.items():\n    display(p, p.reveal())'),
    ],
    "08_exercises_checks": [
        md("# Notebook 8: every kind, a wrong and a right attempt (checked by nbval)\n\n" + NOTICE + """

For each exercise kind: a wrong answer made with one of the kind's listed common mistakes (or
twice the answer where none is listed for this seed) must be refused with that mistake's hint and
without the solution; the answer key's answer must be accepted, with the worked solution.
"""),
        code("from pkmodel import exercises\nSEED = 2026\nkey = {row['kind']: row['answer'] for row in exercises.answer_key([SEED])}"),
    ] + [c for kind, _ in EXERCISES_08 for c in (
        md(f"## `{kind}`"),
        code(f'''p = exercises.problem("{kind}", SEED)
slip = p.mistakes[0] if p.mistakes else None
wrong = p.check(slip.value if slip else 2 * key["{kind}"])
assert not wrong.correct and wrong.solution is None and wrong.answer is None
assert slip is None or (slip.hint in wrong.feedback and wrong.mistake == slip.name)
display(p, wrong)'''),
        code(f'''right = p.check(key["{kind}"])
assert right.correct and right.solution
right'''))],
}


def write(name, cells, folder):
    nb = nbf.v4.new_notebook()
    nb.cells = cells
    nb.metadata = {"kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
                   "language_info": {"name": "python"}}
    nbf.write(nb, folder / f"{name}.ipynb")


if __name__ == "__main__":
    for name, cells in NOTEBOOKS.items():
        write(name, cells, HERE)
    for name, cells in SOLUTIONS.items():
        write(name, cells, HERE.parent / "instructor")
    print("wrote", len(NOTEBOOKS) + len(SOLUTIONS), "notebooks")
