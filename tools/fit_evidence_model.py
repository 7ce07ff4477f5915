#!/usr/bin/env python3
"""Fit the evidence model's weights on training worlds (docs/detection.md, "Fitting").

usage: fit_evidence_model.py --prior MODEL.properties --output MODEL.properties [--reports [--keep MODEL.properties]]
           WORLD_DIR [WORLD_DIR ...]

Each WORLD_DIR holds labels.json (targetwatch's own simulator: the flat form or
"targetwatch-labels/2") and trace.jsonl (`replay --trace`). The score is linear in the weights,
so the trace's bases are all the fit needs: it does not replay again.

What is fitted: the non-negative weights and the intercept of a logistic model of "this account
is an offender", where an account's log-odds is the soft maximum over its assessments that can
alert at MEDIUM (at least the minimum of minors) -- an account is alerted by its strongest moment.
Offenders and look-alikes weigh equally as classes; a false alarm costs more than a miss
(--false-alarm-cost). An L2 pull towards the prior keeps weights that the training worlds barely
inform near their reasoned values. The intercept is then set to the value that maximises the
mean F1 at MEDIUM over the training worlds, worst world breaking ties; where that curve is flat,
the lowest intercept within --f1-tolerance (0.002) of the best, since a false alarm costs more.

--reports adds the safety loop's two report weights to the fitted ones (traces of worlds made with
`simulate --reports`); with --keep MODEL, the intercept and every other weight are held at MODEL's
values and only the report weights are fitted, so a refit of the others and a fit of the report
weights do not overwrite each other.

Needs Python 3 with numpy and scipy. Never give it test worlds or the independent validation world.
"""
import argparse
import collections
import json
import math
import os
import sys

import numpy as np
from scipy.optimize import minimize

# basis name in the trace -> weight key in the model file; the model's order
FEATURES = [
    ("distinct_minors", "weight.volume"),
    ("degree_preference", "weight.preference.size"),
    ("degree_preference_z", "weight.preference.significance"),
    ("stranger_share", "weight.strangers"),
    ("minor_share_lift", "weight.minor.lift"),
    ("young_account_few_friends", "weight.fake.profile"),
    ("claimed_age_matches_targets", "weight.claimed.age"),
    ("decline_rate", "weight.declines"),
    ("escalations", "weight.escalations"),
    ("established_age_peer", "weight.age.peers"),
    ("sender_friends_minors", "weight.friends.minors"),
    ("targets_know_each_other", "weight.target.cohesion"),
    ("indiscriminate_volume", "weight.indiscriminate"),
    ("burst_window", "weight.burst.window"),
]
# --reports: the safety loop's report signals (docs/detection.md, "Reports and blocks"), in the
# traces of worlds made with `simulate --reports`; appended, so the fit of the others is unchanged
REPORT_FEATURES = [
    ("blocked_or_reported_by_contacted_minors", "weight.protecting.minors"),
    ("reported_by_others", "weight.other.reporters"),
]
MEDIUM = 0.4
TEMPERATURE = 0.5


def read_properties(path):
    props = collections.OrderedDict()
    with open(path) as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if "=" not in line:
                sys.exit(f"{path}:{number}: not a key=value line")
            key, value = line.split("=", 1)
            props[key.strip()] = value.strip()
    return props


def read_labels(path):
    with open(path) as f:
        raw = json.load(f)
    if isinstance(raw, dict) and raw.get("format", "").startswith("targetwatch-labels/"):
        accounts = raw["accounts"]
        return {a: v["class"] for a, v in accounts.items()}
    if isinstance(raw, dict) and all(isinstance(v, str) for v in raw.values()):
        return raw
    sys.exit(f"{path}: not a labels file of targetwatch's simulator")


def load_world(directory, min_minors, features):
    labels = read_labels(os.path.join(directory, "labels.json"))
    rows, owners = [], []
    with open(os.path.join(directory, "trace.jsonl")) as f:
        for number, line in enumerate(f, 1):
            try:
                a = json.loads(line)
            except json.JSONDecodeError:
                sys.exit(f"{directory}/trace.jsonl:{number}: not JSON")
            if a["minors"] < min_minors:
                continue
            try:
                rows.append([a["basis"][name] for name, _ in features])
            except KeyError as missing:
                sys.exit(f"{directory}/trace.jsonl:{number}: no basis {missing} (a trace of an older version?)")
            owners.append(a["sender"])
    return labels, np.array(rows, dtype=float).reshape(-1, len(features)), owners


class World:
    """One world's accounts: which assessments belong to which account, and who offends."""

    def __init__(self, name, labels, x, owners):
        self.name = name
        order = sorted(range(len(owners)), key=lambda i: owners[i])
        self.x = x[order]
        sorted_owners = [owners[i] for i in order]
        self.accounts = []
        self.starts = []
        for i, owner in enumerate(sorted_owners):
            if not self.accounts or self.accounts[-1] != owner:
                self.accounts.append(owner)
                self.starts.append(i)
        self.starts = np.array(self.starts, dtype=int)
        self.offender = np.array([labels.get(a, "").startswith("offender.") for a in self.accounts])
        self.offenders_total = sum(1 for c in labels.values() if c.startswith("offender."))

    def account_logits(self, w, b):
        """Each account's soft-maximum log-odds over its assessments, and the softmax weights."""
        z = self.x @ w + b
        zmax = np.maximum.reduceat(z, self.starts)
        per_row_max = np.repeat(zmax, np.diff(np.append(self.starts, len(z))))
        e = np.exp((z - per_row_max) / TEMPERATURE)
        sums = np.add.reduceat(e, self.starts)
        pooled = zmax + TEMPERATURE * np.log(sums)
        soft = e / np.repeat(sums, np.diff(np.append(self.starts, len(z))))
        return pooled, soft

    def hard_max(self, w, b):
        return np.maximum.reduceat(self.x @ w + b, self.starts)

    def figures(self, w, b):
        alerted = self.hard_max(w, b) >= math.log(MEDIUM / (1 - MEDIUM))
        tp = int(np.sum(alerted & self.offender))
        fp = int(np.sum(alerted & ~self.offender))
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / self.offenders_total if self.offenders_total else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


def fit(worlds, prior_w, prior_b, false_alarm_cost, pull, fixed=None):
    d = len(prior_w)
    positives = sum(int(np.sum(wd.offender)) for wd in worlds)
    negatives = sum(int(np.sum(~wd.offender)) for wd in worlds)

    def loss(theta):
        w, b = theta[:d], theta[d]
        total, grad = 0.0, np.zeros(d + 1)
        for wd in worlds:
            pooled, soft = wd.account_logits(w, b)
            p = 1 / (1 + np.exp(-pooled))
            weight = np.where(wd.offender, 1.0 / positives, false_alarm_cost / negatives)
            y = wd.offender.astype(float)
            eps = 1e-12
            total -= np.sum(weight * (y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps)))
            dpooled = weight * (p - y)
            per_row = np.repeat(dpooled, np.diff(np.append(wd.starts, len(wd.x)))) * soft
            grad[:d] += per_row @ wd.x
            grad[d] += np.sum(dpooled)
        total += pull * np.sum((w - prior_w) ** 2)
        grad[:d] += 2 * pull * (w - prior_w)
        return total, grad

    theta0 = np.append(prior_w, prior_b)
    bounds = [(0.0, 10.0)] * d + [(-30.0, 10.0)]
    if fixed is not None:  # weights held at their values (index -> value), the intercept among them as index d
        for i, value in fixed.items():
            theta0[i] = value
            bounds[i] = (value, value)
    result = minimize(loss, theta0, jac=True, method="L-BFGS-B", bounds=bounds)
    return result.x[:d], result.x[d]


def calibrate_intercept(worlds, w, b, f1_tolerance):
    """The intercept of the best mean F1 (worst world breaking ties); where the curve is flat, the
    lowest intercept within f1_tolerance of that best: a false alarm costs more than a miss."""
    tried = []
    for shift in np.arange(-4.0, 4.01, 0.05):
        figures = [wd.figures(w, b + shift) for wd in worlds]
        f1s = [f[2] for f in figures]
        tried.append(((round(float(np.mean(f1s)), 4), min(f1s)), b + shift, figures))
    best = max(tried, key=lambda t: t[0])
    near = [t for t in tried if t[0][0] >= best[0][0] - f1_tolerance]
    chosen = min(near, key=lambda t: t[1])
    return chosen[1], chosen[2]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--prior", required=True)
    ap.add_argument("--output", required=True)
    ap.add_argument("--version", default="fitted")
    ap.add_argument("--min-minors", type=int, default=6)
    ap.add_argument("--false-alarm-cost", type=float, default=3.0)
    ap.add_argument("--pull", type=float, default=0.1)
    ap.add_argument("--f1-tolerance", type=float, default=0.002,
                    help="take the lowest intercept whose mean F1 is within this of the best (default 0.002)")
    ap.add_argument("--reports", action="store_true",
                    help="also fit the report weights (traces of worlds made with simulate --reports)")
    ap.add_argument("--keep", metavar="MODEL.properties",
                    help="hold the intercept and the weights of the trace's other signals at this model's values: "
                         "with --reports, only the report weights are fitted")
    ap.add_argument("worlds", nargs="+")
    a = ap.parse_args()
    if a.keep and not a.reports:
        sys.exit("--keep fits nothing without --reports")

    features = FEATURES + (REPORT_FEATURES if a.reports else [])
    prior = read_properties(a.prior)
    prior_w = np.array([float(prior[key]) for _, key in features])
    prior_b = float(prior["intercept"])
    fixed = None
    if a.keep:
        kept = read_properties(a.keep)
        fixed = {i: float(kept[key]) for i, (_, key) in enumerate(FEATURES)}
        fixed[len(features)] = float(kept["intercept"])
    worlds = []
    for directory in a.worlds:
        labels, x, owners = load_world(directory, a.min_minors, features)
        worlds.append(World(os.path.basename(directory.rstrip("/")), labels, x, owners))
        print(f"{directory}: {len(x):,} assessments of {len(worlds[-1].accounts):,} accounts", file=sys.stderr)

    if fixed is not None:  # "before" is the kept model with the prior's report weights
        prior_w = np.array([fixed.get(i, prior_w[i]) for i in range(len(features))])
        prior_b = fixed[len(features)]
    before = [wd.figures(prior_w, prior_b) for wd in worlds]
    w, b = fit(worlds, prior_w, prior_b, a.false_alarm_cost, a.pull, fixed)
    if fixed is None:
        b, after = calibrate_intercept(worlds, w, b, a.f1_tolerance)
    else:
        after = [wd.figures(w, b) for wd in worlds]  # the kept intercept stays

    for wd, f0, f1 in zip(worlds, before, after):
        print(f"{wd.name}: prior P {f0[0]:.3f} R {f0[1]:.3f} F1 {f0[2]:.3f} -> fitted P {f1[0]:.3f} R {f1[1]:.3f} F1 {f1[2]:.3f}")
    print("weights: " + ", ".join(f"{key.removeprefix('weight.')} {prior[key]} -> {v:.3f}"
                                  for (_, key), v in zip(features, w)) + f", intercept {prior_b} -> {b:.3f}")

    out = collections.OrderedDict(read_properties(a.keep) if a.keep else prior)
    out["version"] = a.version
    out["intercept"] = f"{b:.3f}"
    for (_, key), v in zip(features, w):
        out[key] = f"{v:.3f}"
    with open(a.output, "w") as f:
        f.write("# The evidence-combining score's weights (docs/detection.md, \"Evidence\").\n")
        f.write(f"# Written by tools/fit-evidence-model (pull {a.pull} towards {a.prior}); training worlds: "
                + " ".join(os.path.basename(d.rstrip("/")) for d in a.worlds) + "\n")
        if a.keep:
            f.write(f"# Fitted: the report weights (protecting.minors, other.reporters) alone, on worlds with reports; "
                    f"the intercept and the other weights are those of {a.keep}; confirmed.link and co.targeting reasoned\n")
        elif a.reports:
            f.write("# Fitted: the weights of the trace's signals, the report weights among them (worlds with reports);"
                    " confirmed.link and co.targeting are the prior's, reasoned, not fitted\n")
        else:
            f.write("# Fitted: the weights of the trace's signals; the safety loop's weights (protecting.minors,"
                    " other.reporters, confirmed.link) and co.targeting are the prior's, reasoned, not fitted\n")
        for key, value in out.items():
            f.write(f"{key}={value}\n")


if __name__ == "__main__":
    main()
