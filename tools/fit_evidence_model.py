#!/usr/bin/env python3
"""Fit the evidence model's weights on training worlds (docs/detection.md, "Fitting").

usage: fit_evidence_model.py --prior MODEL.properties --output MODEL.properties WORLD_DIR [WORLD_DIR ...]

Each WORLD_DIR holds labels.json (targetwatch's own simulator: the flat form or
"targetwatch-labels/2") and trace.jsonl (`replay --trace`). The score is linear in the weights,
so the trace's bases are all the fit needs: it does not replay again.

What is fitted: the non-negative weights and the intercept of a logistic model of "this account
is an offender", where an account's log-odds is the soft maximum over its assessments that can
alert at MEDIUM (at least the minimum of minors) -- an account is alerted by its strongest moment.
Offenders and look-alikes weigh equally as classes; a false alarm costs more than a miss
(--false-alarm-cost). An L2 pull towards the prior keeps weights that the training worlds barely
inform near their reasoned values. The intercept is then set to the value that maximises the
mean F1 at MEDIUM over the training worlds, worst world breaking ties.

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


def load_world(directory, min_minors):
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
            rows.append([a["basis"][name] for name, _ in FEATURES])
            owners.append(a["sender"])
    return labels, np.array(rows, dtype=float).reshape(-1, len(FEATURES)), owners


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


def fit(worlds, prior_w, prior_b, false_alarm_cost, pull):
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
    result = minimize(loss, theta0, jac=True, method="L-BFGS-B", bounds=bounds)
    return result.x[:d], result.x[d]


def calibrate_intercept(worlds, w, b):
    best = None
    for shift in np.arange(-4.0, 4.01, 0.05):
        figures = [wd.figures(w, b + shift) for wd in worlds]
        f1s = [f[2] for f in figures]
        key = (round(float(np.mean(f1s)), 4), min(f1s))
        if best is None or key > best[0]:
            best = (key, b + shift, figures)
    return best[1], best[2]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--prior", required=True)
    ap.add_argument("--output", required=True)
    ap.add_argument("--version", default="fitted")
    ap.add_argument("--min-minors", type=int, default=6)
    ap.add_argument("--false-alarm-cost", type=float, default=3.0)
    ap.add_argument("--pull", type=float, default=0.1)
    ap.add_argument("worlds", nargs="+")
    a = ap.parse_args()

    prior = read_properties(a.prior)
    prior_w = np.array([float(prior[key]) for _, key in FEATURES])
    prior_b = float(prior["intercept"])
    worlds = []
    for directory in a.worlds:
        labels, x, owners = load_world(directory, a.min_minors)
        worlds.append(World(os.path.basename(directory.rstrip("/")), labels, x, owners))
        print(f"{directory}: {len(x):,} assessments of {len(worlds[-1].accounts):,} accounts", file=sys.stderr)

    before = [wd.figures(prior_w, prior_b) for wd in worlds]
    w, b = fit(worlds, prior_w, prior_b, a.false_alarm_cost, a.pull)
    b, after = calibrate_intercept(worlds, w, b)

    for wd, f0, f1 in zip(worlds, before, after):
        print(f"{wd.name}: prior P {f0[0]:.3f} R {f0[1]:.3f} F1 {f0[2]:.3f} -> fitted P {f1[0]:.3f} R {f1[1]:.3f} F1 {f1[2]:.3f}")
    print("weights: " + ", ".join(f"{key.removeprefix('weight.')} {prior[key]} -> {v:.3f}"
                                  for (_, key), v in zip(FEATURES, w)) + f", intercept {prior_b} -> {b:.3f}")

    out = collections.OrderedDict(prior)
    out["version"] = a.version
    out["intercept"] = f"{b:.3f}"
    for (_, key), v in zip(FEATURES, w):
        out[key] = f"{v:.3f}"
    with open(a.output, "w") as f:
        f.write("# The evidence-combining score's weights (docs/detection.md, \"Evidence\").\n")
        f.write(f"# Written by tools/fit-evidence-model (pull {a.pull} towards {a.prior}); training worlds: "
                + " ".join(os.path.basename(d.rstrip("/")) for d in a.worlds) + "\n")
        f.write("# Fitted: the weights of the trace's signals; the safety loop's weights (protecting.minors,"
                " other.reporters, confirmed.link) and co.targeting are the prior's, reasoned, not fitted\n")
        for key, value in out.items():
            f.write(f"{key}={value}\n")


if __name__ == "__main__":
    main()
