"""Diazepam's sources (and those of the desmethyldiazepam and modifier figures it uses), registered
with the generic registry before any value cites them."""

from __future__ import annotations

from ...sources import Population as _P
from ...sources import Source as _S
from ...sources import register_sources

SOURCES = (
    _S("K75", "Klotz U, Avant GR, Hoyumpa A, Schenker S, Wilkinson GR", 1975,
       "The effects of age and liver disease on the disposition and elimination of diazepam in adult man",
       "J Clin Invest 55(2):347-359", doi="10.1172/JCI107938", pmid=1127104,
       population=_P(33, "15-82", "healthy volunteers (plus 9 with alcoholic cirrhosis)",
                     "0.1 mg/kg IV or 10 mg", "IV or oral"),
       note="DZ t1/2 ~20 h at 20 y rising linearly to ~90 h at 80 y; CL 20-32 mL/min, not age-related; "
            "binding 97.4 +/- 1.2 %; cirrhosis t1/2 105.6 +/- 15.2 vs 46.6 +/- 14.2 h, CL 13.8 +/- 2.4 "
            "mL/min (about half of normal)."),
    _S("G21", "Greenblatt DJ, Harmatz JS, Zhang Q, Chen Y, Shader RI", 2021,
       "Slow accumulation and elimination of diazepam and its active metabolite with extended "
       "treatment in the elderly", "J Clin Pharmacol 61(2):193-203", doi="10.1002/jcph.1726",
       pmid=32856316,
       population=_P(15, "21-33 (young, n=7) and 61-78 (elderly, n=8)", "healthy volunteers",
                     "2.5 mg twice daily for 15 days", "oral"),
       note="Mean t1/2 DZ 31 vs 86 h, DMDZ 40 vs 80 h (young vs elderly); Css 30-35 % higher in the "
            "elderly (not significant)."),
    _S("G80", "Greenblatt DJ, Allen MD, Harmatz JS, Shader RI", 1980, "Diazepam disposition determinants",
       "Clin Pharmacol Ther 27(3):301-312", doi="10.1038/clpt.1980.40", pmid=7357789,
       population=_P(44, "21-37 (young) and 61-84 (elderly)", "men and women, 11 per group",
                     "5-10 mg", "IV"),
       note="Total CL (mL/min/kg) young vs elderly: men 0.39 vs 0.24; women 0.51 vs 0.48. Vd 0.7-4.7 "
            "L/kg, larger with age and in women; fu 0.9-2.7 %, higher in the elderly."),
    _S("G89", "Greenblatt DJ, et al.", 1989, "A large-sample study of diazepam pharmacokinetics",
       "Ther Drug Monit 11(6):652-657", doi="10.1097/00007691-198911000-00007", pmid=2512694,
       population=_P(48, "18-44", "healthy men", "10 mg", "oral"),
       note="Mean t1/2 44.2 h, CL 26.6 mL/min, V 83 L, peak 406 ng/mL (normally distributed; tmax not in the abstract); t1/2, k and V log-normally distributed. "
            "Full author list: details to confirm."),
    _S("ABS", "Ochs HR, Greenblatt DJ, et al.", None, "Diazepam absorption", "journal: details to confirm",
       population=_P(37, "19-79", "healthy volunteers", "5 mg tablet, fasting", "oral"),
       note="Lag ~12 min, absorption t1/2 ~19 min (0-96), tmax ~0.9 h, F ~97 % (n=7 with IV "
            "reference), no age or sex effect (early 1980s). Full authors, year, journal, DOI/PMID: details to confirm."),
    _S("AB79", "Abel JG, et al.", 1979, "Inter- and intra-subject variation in diazepam free fraction",
       "Clin Pharmacol Ther 26:247-255", pmid=572277,
       population=_P(None, "", "healthy volunteers", "", "in vitro binding"),
       note="Diazepam free fraction 0.97-1.99 %, mean 1.25 % in men."),
    _S("K77", "Klotz U, Antonin KH, Brügel H, Bieck PR", 1977,
       "Disposition of diazepam and its major metabolite desmethyldiazepam in patients with liver disease",
       "journal and pages: details to confirm", pmid=321178,
       population=_P(4, "", "healthy subjects (plus patients with liver disease)",
                     "DMDZ 0.1 mg/kg", "IV"),
       note="Healthy: DMDZ t1/2 50.9 +/- 6.2 h, CL 11.3 +/- 3.1 mL/min; DZ 32.6 +/- 11.3 h, "
            "32.3 +/- 11.0 mL/min. Liver disease (4 patients): DMDZ CL 4.6 +/- 1.1 mL/min, t1/2 "
            "108.2 +/- 40.3 h. These figures were checked against the abstract as indexed under "
            "PMID 321178; journal and pages: details to confirm."),
    _S("CZ1", "authors: details to confirm", None,
       "Desmethyldiazepam kinetics after intravenous, intramuscular, and oral administration of "
       "clorazepate dipotassium", "journal: details to confirm",
       population=_P(17, "21-66", "healthy volunteers", "20 mg clorazepate", "IV"),
       note="DMDZ Vd 1.24 L/kg, t1/2 65 h, CL 0.24 mL/min/kg; in men t1/2 lengthened and CL fell with "
            "age, not in women. Authors, year, journal, DOI/PMID: details to confirm."),
    _S("CZ3", "Post C, Lindgren S, Bertler Å, Malmgren H", None,
       "Pharmacokinetics of N-desmethyldiazepam in healthy volunteers after single daily doses of "
       "dipotassium chlorazepate", "Psychopharmacology 53:105-109", doi="10.1007/BF00426477",
       population=_P(12, "22-38", "healthy volunteers (8 men, 4 women)",
                     "20 mg clorazepate daily for 14 days", "oral"),
       note="DMDZ t1/2 53 +/- 6 h, Vbeta 1.13 +/- 0.08 L/kg (mean +/- SEM), Css 884 +/- 73 ng/mL. "
            "Year: details to confirm."),
    _S("Q99", "Qin XP, Xie HG, Wang W, et al.", 1999,
       "Effect of the gene dosage of CYP2C19 on diazepam metabolism in Chinese subjects",
       "Clin Pharmacol Ther 66", doi="10.1053/cp.1999.v66.103379001",
       population=_P(18, "", "healthy Chinese men, 6 per genotype", "5 mg", "oral"),
       note="DZ t1/2 20.0 / 62.9 / 84.0 h and CL 19.5 / 7.2 / 2.8 mL/min for wt/wt, wt/m1, m1/m1; "
            "DMDZ t1/2 99.2 / 132.1 / 176.0 h. Pages: details to confirm."),
    _S("FC", "authors: details to confirm", None,
       "Interaction of diazepam with famotidine and cimetidine, two H2-receptor antagonists",
       "journal, volume, pages: details to confirm",
       population=_P(11, "", "healthy men", "10 mg", "IV"),
       note="With cimetidine DZ t1/2 72 vs 55 h, CL 0.20 vs 0.28 mL/min/kg, Vd unchanged; DMDZ 7-day "
            "AUC up (4.6 vs 3.8 h*ug/mL); famotidine no effect. Authors, year, journal, DOI/PMID: details "
            "to confirm."),
    _S("G84", "Greenblatt DJ, Abernethy DR, Morse DS, Harmatz JS, Shader RI", 1984,
       "Clinical importance of the interaction of diazepam and cimetidine",
       "N Engl J Med 310(25):1639-1643", doi="10.1056/NEJM198406213102505", pmid=6427609,
       population=_P(10, "", "patients on long-term diazepam", "unchanged diazepam + cimetidine 300 mg "
                     "four times daily", "oral"),
       note="Cimetidine raised DZ + DMDZ concentrations by 57 % on average."),
    _S("P94", "Perucca E, Gatti G, Cipolla G, Spina E, Barel S, Soback S, Gips M, Bialer M", 1994,
       "Title: details to confirm (effect of fluvoxamine on diazepam and N-desmethyldiazepam kinetics)",
       "Clin Pharmacol Ther 56(5):471-476", doi="10.1038/clpt.1994.167", pmid=7955810,
       population=_P(8, "", "healthy volunteers", "10 mg", "oral"),
       note="Oral CL 0.40 -> 0.14 mL/min/kg; t1/2 51 -> 118 h with fluvoxamine (100-150 mg daily). "
            "Exact title: details to confirm."),
    _S("O81b", "Ochs HR, Greenblatt DJ, Roberts GM, Dengler HJ", 1981,
       "Diazepam interaction with antituberculosis drugs", "Clin Pharmacol Ther 29:671-678",
       doi="10.1038/clpt.1981.94", pmid=7214796,
       population=_P(None, "", "patients on rifampin + isoniazid + ethambutol vs controls", "", "IV"),
       note="t1/2 14 vs 58 h, CL 1.50 vs 0.37 mL/min/kg (about 4-fold); isoniazid alone 34 -> 45 h."),
    _S("KL75", "Korttila K, Linnoila M", 1975,
       "Absorption and sedative effects of diazepam after oral administration and intramuscular "
       "administration into the vastus lateralis muscle and the deltoid muscle", "Br J Anaesth 47(8):857-862",
       doi="10.1093/bja/47.8.857",
       population=_P(8, "", "healthy subjects", "10 mg", "oral (and IM)"),
       note="Oral: serum peak 209 +/- 49 ng/mL at 90 min (sampling stopped at 150 min); IM peaks lower."),
    _S("G78c", "Greenblatt DJ, Shader RI, Weinberger DR, Allen MD, MacLaughlin DS", 1978,
       "Effect of a cocktail on diazepam absorption",
       "journal and volume: details to confirm (issue 2, pages 199-203)",
       population=_P(6, "", "healthy adults", "5 mg fasting, with orange juice (control) or vodka", "oral"),
       note="Control: Cmax 221 ng/mL, tmax 0.79 h, lag 16.5 min, absorption t1/2 19.3 min; with ethanol "
            "208 ng/mL at 1.79 h. Journal, DOI/PMID: details to confirm."),
)
register_sources(*SOURCES)
