#!/usr/bin/env python3
"""second_world.py - an independent validation world for targetwatch (standard library only).

usage: second_world.py OUTDIR --seed N [--accounts 20000] [--days 21]

Writes OUTDIR/events.jsonl (event contract: profile, friend_request, message records, in event-time
order), OUTDIR/labels.json ({accountId: {"class": ..., "positive": true|false}}), OUTDIR/labels-flat.json
(the same as {accountId: "offender.<class>" | "benign.<class>"}, for targetwatch's `evaluate`) and
OUTDIR/world_summary.json (drawn parameters and per-class figures; not needed by any tool).

The platform is a set of towns. A town holds schools (minors mostly befriend their own school and
age band), households and extended families (siblings, cousins, parents, aunts), adult workplaces
(including school staff), neighbourhoods, town-wide sports teams; across towns there are alumni
groups for adults and online fandom/gaming communities for minors and young adults. Each account
has a sociability (minors: lognormal body with a Pareto tail) that is spread over its contexts as
stubs; stubs that do not fit a small context overflow to a wider one (popular pupils therefore have
many cross-school and online friends). Stubs are matched within each context. See README.md.
"""
import argparse
import heapq
import json
import math
import os
import random
import sys
import time
from datetime import datetime, timezone

DAY = 86_400_000
HOUR = 3_600_000
MIN = 60_000
T0 = int(datetime(2026, 2, 9, tzinfo=timezone.utc).timestamp() * 1000)

BANDS = ("UNDER_13", "13_15", "16_17", "ADULT", "UNKNOWN")
U13, B13, B16, ADU, UNK = range(5)
MINOR_BANDS = (U13, B13, B16)
ACTIONS = ("SENT", "ACCEPTED", "DECLINED", "CANCELLED", "REMOVED")
SENT, ACC, DEC, CAN, REM = range(5)
KP, KF, KM = 0, 1, 2          # event kinds: profile, friend_request, message

HW_MINOR = [1, .5, .3, .2, .2, .3, 1, 2, 2, 1.2, 1.2, 1.2, 2, 2, 2.5, 4, 5, 5, 5, 6, 6, 5, 3, 2]
HW_ADULT = [1, .5, .3, .2, .2, .5, 1.5, 3, 3, 2.5, 2.5, 3, 3.5, 3, 2.5, 2.5, 3, 4, 5, 6, 6, 5, 3.5, 2]
HW_NIGHT = [3, 2.5, 1.5, 1, .5, .3, .5, 1, 1, 1, 1, 1, 1.5, 1.5, 1.5, 2, 3, 3, 4, 5, 6, 6, 5, 4]

OFFENDER_CLASSES = ("partial_picker", "welcomed_adult", "weak_ring", "fake_teen", "slow_drip", "hub_climber")
LOOKALIKE_CLASSES = ("teacher_coach", "teacher_multi_school", "relative", "new_teen", "popular_teen",
                     "spammer", "creator", "parent_of_friends")


def cum(ws):
    out, s = [], 0.0
    for w in ws:
        s += w
        out.append(s)
    return out


CW_MINOR, CW_ADULT, CW_NIGHT = cum(HW_MINOR), cum(HW_ADULT), cum(HW_NIGHT)
HOURS = list(range(24))


def pk(a, b):
    return a * 1048576 + b if a < b else b * 1048576 + a



def fit(cap, stubs):
    """The stubs that fit in a context of this capacity, and those that overflow to a wider one."""
    return (cap, stubs - cap) if stubs > cap else (stubs, 0)

class World:
    def __init__(self, seed, n, days):
        self.R = random.Random(seed * 7919 + 17)
        self.seed = seed
        self.N = n
        self.days = days
        self.TE = T0 + days * DAY
        self.band, self.created, self.town, self.school, self.young = [], [], [], [], []
        self.adj = []
        self.role = {}            # account -> class name
        self.positive = {}
        self.since, self.until = {}, {}
        self.touched, self.special = set(), set()
        self.ev = []
        self.profile_updates = []  # (t, acct, band, deleted)
        self.deleted_at = {}
        self.P = {}
        self.used = set()
        self.no_ordinary = set()   # accounts that have no ordinary messaging life
        self.close = {}

    # ------------------------------------------------------------------ basics
    def add(self, band, created, town=-1, school=-1, young=False):
        self.band.append(band)
        self.created.append(int(created))
        self.town.append(town)
        self.school.append(school)
        self.young.append(young)
        self.adj.append(set())
        return len(self.band) - 1

    def add_edge(self, a, b):
        if a != b:
            self.adj[a].add(b)
            self.adj[b].add(a)

    def is_minor(self, i):
        return self.band[i] <= B16

    def hour_time(self, day_start_ms, cw):
        h = self.R.choices(HOURS, cum_weights=cw)[0]
        return day_start_ms + h * HOUR + self.R.randrange(HOUR)

    def when(self, ts, te, cw):
        """a time in [ts, te) following the diurnal weights (rejection, then uniform)."""
        R = self.R
        if te <= ts:
            return ts
        for _ in range(12):
            d = ts + int(R.random() * (te - ts))
            day0 = T0 + ((d - T0) // DAY) * DAY
            t = self.hour_time(day0, cw)
            if ts <= t < te:
                return t
        return ts + int(R.random() * (te - ts))

    def delay(self, med):
        d = med * math.exp(self.R.gauss(0, 1.1))
        return int(min(max(d, 2 * MIN), 5 * DAY))

    def wsample(self, cands, wfn, k, excl=()):
        R = self.R
        keys = []
        for c in cands:
            if c in excl:
                continue
            w = wfn(c)
            if w <= 0:
                continue
            u = R.random()
            keys.append((u ** (1.0 / w) if u > 0 else 0.0, c))
        return [c for _, c in heapq.nlargest(k, keys)]

    def usample(self, cands, k, excl=()):
        pool = [c for c in cands if c not in excl]
        return self.R.sample(pool, min(k, len(pool)))

    def fof(self, i):
        s = set(self.adj[i])
        for f in list(self.adj[i]):
            s |= self.adj[f]
        s.add(i)
        return s

    # ------------------------------------------------------------------ events
    def fr(self, t, s, r, act):
        self.ev.append((t, KF, s, r, act))

    def msg(self, t, s, r, media=0):
        self.ev.append((t, KM, s, r, media))

    def befriend(self, a, b, t):
        k = pk(a, b)
        if k in self.since:
            return
        self.since[k] = t
        self.adj[a].add(b)
        self.adj[b].add(a)
        self.fl[a].append(b)
        self.fl[b].append(a)

    def request(self, s, r, t, p_acc, p_dec=0.45, med=2.5 * HOUR, special=True, force=None, p_cancel=0.12):
        """one friend request; returns the acceptance time or None."""
        R = self.R
        k = pk(s, r)
        if k in self.since or k in self.touched or s == r:
            return None
        self.touched.add(k)
        if special:
            self.special.add(k)
        self.fr(t, s, r, SENT)
        ok = (R.random() < p_acc) if force is None else force
        if ok:
            ta = t + self.delay(med)
            if ta < self.TE:
                self.fr(ta, s, r, ACC)
                self.befriend(s, r, ta)
                return ta
            return None
        if R.random() < p_dec:
            td = t + self.delay(med * 1.5)
            if td < self.TE:
                self.fr(td, s, r, DEC)
        elif R.random() < p_cancel:
            tc = t + int(R.uniform(1, 6) * DAY)
            if tc < self.TE:
                self.fr(tc, s, r, CAN)
        return None

    def convo(self, a, b, t, n, p_reply, media=0.0, b_media=0.0):
        R = self.R
        for _ in range(n):
            if t >= self.TE:
                return t
            self.msg(t, a, b, 1 if R.random() < media else 0)
            t += int(R.expovariate(1 / (3 * MIN))) + 4000
            if R.random() < p_reply:
                t += int(R.expovariate(1 / (12 * MIN))) + 20000
                for _ in range(R.randint(1, 2)):
                    if t >= self.TE:
                        return t
                    self.msg(t, b, a, 1 if R.random() < b_media else 0)
                    t += int(R.expovariate(1 / (2 * MIN))) + 4000
        return t

    def engage(self, s, r, t, sessions, max_per, p_reply, media=0.0, r_first=0.0):
        """messaging between s and r over several sessions after t; r may open some sessions."""
        R = self.R
        self.special.add(pk(s, r))
        tt = t + int(R.uniform(0.05, 10) * HOUR)
        for _ in range(sessions):
            if tt >= self.TE:
                break
            if R.random() < r_first:
                self.convo(r, s, tt, R.randint(1, max(1, max_per // 2)), 0.85)
            else:
                self.convo(s, r, tt, R.randint(1, max_per), p_reply, media)
            tt += int(R.uniform(0.3, 3.0) * DAY)

    def p_accept(self, s, r, rel):
        """rel: 'known', 'fof' or 'stranger' (from the recipient's point of view)."""
        if self.is_minor(r):
            if rel == "known":
                return 0.8
            p = self.pstr[r]
            if self.is_minor(s):        # the sender claims to be a minor: a peer
                p = min(0.92, p * 1.6 + 0.12)
            if rel == "fof":
                p = min(0.92, p * 1.5 + 0.15)
            return p
        return {"known": 0.75, "fof": 0.55}.get(rel, 0.2)

    def label(self, i, cls, positive):
        self.role[i] = cls
        self.positive[i] = positive
        self.used.add(i)

    # ------------------------------------------------------------------ population
    def draw_counts(self):
        R = self.R
        sc = self.N / 20000.0
        while True:
            oc = {"partial_picker": R.randint(38, 50), "welcomed_adult": R.randint(25, 32),
                  "fake_teen": R.randint(20, 26), "slow_drip": R.randint(20, 26), "hub_climber": R.randint(14, 18)}
            rings = [R.randint(4, 6) for _ in range(R.randint(7, 9))]
            if 150 <= sum(oc.values()) + sum(rings) <= 200:
                break
        while True:
            lc = {"teacher_coach": R.randint(40, 60), "teacher_multi_school": R.randint(20, 35),
                  "relative": R.randint(45, 65), "new_teen": R.randint(45, 65), "popular_teen": R.randint(45, 65),
                  "spammer": R.randint(20, 35), "creator": R.randint(12, 20), "parent_of_friends": R.randint(45, 65)}
            if 300 <= sum(lc.values()) <= 400:
                break
        if sc != 1.0:
            oc = {k: max(1, round(v * sc)) for k, v in oc.items()}
            lc = {k: max(1, round(v * sc)) for k, v in lc.items()}
            rings = rings[:max(1, round(len(rings) * sc))]
        self.oc, self.lc, self.rings = oc, lc, rings

    def build(self):
        R = self.R
        N = self.N
        P = self.P
        self.draw_counts()
        ms = P["minor_share"] = R.uniform(0.20, 0.35)
        P["under13_share_of_minors"] = R.uniform(0.10, 0.20)
        P["b16_share_of_minors"] = R.uniform(0.33, 0.43)
        self.n_rel_new = sum(1 for _ in range(self.lc["relative"]) if R.random() < 0.5)
        ord_new = round(0.008 * N)
        self.ord_new_minor = round(ord_new * 0.4)
        self.ord_new_adult = ord_new - self.ord_new_minor
        n_new = (self.oc["partial_picker"] + sum(self.rings) + self.oc["fake_teen"] + self.lc["new_teen"]
                 + self.lc["spammer"] + self.n_rel_new + ord_new)
        Mb = round(N * ms) - self.lc["new_teen"] - self.ord_new_minor - self.oc["fake_teen"]
        Ab = N - Mb - n_new
        P["base_minors"], P["base_adults"], P["new_accounts_in_or_near_window"] = Mb, Ab, n_new

        nt = max(3, round(N / 1500))
        tw = [R.lognormvariate(0, 0.6) for _ in range(nt)]
        self.n_towns = nt
        u13s, b16s = P["under13_share_of_minors"], P["b16_share_of_minors"]
        # base minors
        for _ in range(Mb):
            u = R.random()
            b = U13 if u < u13s else (B16 if u < u13s + b16s else B13)
            maxd = {U13: 700, B13: 1100, B16: 1500}[b]
            ago = 5 + (maxd - 5) * R.random() ** 1.3
            self.add(b, T0 - ago * DAY - R.randrange(DAY), town=R.choices(range(nt), weights=tw)[0])
        self.base_minors = list(range(Mb))
        # base adults (ageBand UNKNOWN for a few: no declared or estimated age)
        for _ in range(Ab):
            ago = 20 + 3000 * R.random() ** 1.8
            b = UNK if R.random() < 0.03 else ADU
            self.add(b, T0 - ago * DAY - R.randrange(DAY), town=R.choices(range(nt), weights=tw)[0],
                     young=R.random() < 0.16)
        self.base_adults = list(range(Mb, Mb + Ab))
        self.n_base = Mb + Ab

        town_minors = [[] for _ in range(nt)]
        town_adults = [[] for _ in range(nt)]
        for i in self.base_minors:
            town_minors[self.town[i]].append(i)
        for i in self.base_adults:
            town_adults[self.town[i]].append(i)
        self.town_minors, self.town_adults = town_minors, town_adults

        # schools
        self.school_town, self.pupils = [], []
        for t in range(nt):
            tm = town_minors[t]
            ns = max(1, round(len(tm) / R.uniform(150, 350)))
            sids = []
            for _ in range(ns):
                self.school_town.append(t)
                self.pupils.append([])
                sids.append(len(self.school_town) - 1)
            sw = [R.lognormvariate(0, 0.35) for _ in sids]
            for i in tm:
                self.school[i] = R.choices(sids, weights=sw)[0]
        self.town_schools = [[] for _ in range(nt)]
        for s, t in enumerate(self.school_town):
            self.town_schools[t].append(s)

        # households and extended families
        self.households = []       # (kids, parents)
        self.hh_of = {}
        self.parent_of = {}        # adult -> household index
        self.ext = []              # list of (households, extra adult relatives)
        self.ext_of = {}
        for t in range(nt):
            tm = town_minors[t][:]
            R.shuffle(tm)
            pool = [a for a in town_adults[t] if not self.young[a]]
            R.shuffle(pool)
            hh_idx = []
            j = 0
            while j < len(tm):
                sz = R.choices([1, 2, 3, 4, 5], [45, 32, 15, 6, 2])[0]
                kids = tm[j:j + sz]
                j += sz
                for k in kids[1:]:
                    if R.random() < 0.7:
                        self.school[k] = self.school[kids[0]]
                npar = R.choices([0, 1, 2], [25, 45, 30])[0]
                pars = [pool.pop() for _ in range(min(npar, len(pool)))]
                h = len(self.households)
                self.households.append((kids, pars))
                for k in kids:
                    self.hh_of[k] = h
                for p in pars:
                    self.parent_of[p] = h
                hh_idx.append(h)
            R.shuffle(hh_idx)
            j = 0
            while j < len(hh_idx):
                sz = R.choices([1, 2, 3, 4], [40, 32, 18, 10])[0]
                grp = hh_idx[j:j + sz]
                j += sz
                extra = []
                for _ in range(R.choices([0, 1, 2], [50, 35, 15])[0]):
                    src = town_adults[t] if R.random() < 0.8 or not self.base_adults else self.base_adults
                    if src:
                        extra.append(R.choice(src))
                e = len(self.ext)
                self.ext.append((grp, extra))
                for h in grp:
                    for k in self.households[h][0]:
                        self.ext_of[k] = e
        for i in self.base_minors:
            self.pupils[self.school[i]].append(i)
        self.cohort = {}
        for i in self.base_minors:
            self.cohort.setdefault((self.school[i], self.band[i]), []).append(i)

        # family edges
        for kids, pars in self.households:
            for x in range(len(kids)):
                for y in range(x + 1, len(kids)):
                    if R.random() < 0.85:
                        self.add_edge(kids[x], kids[y])
            for p in pars:
                for k in kids:
                    if R.random() < 0.75:
                        self.add_edge(p, k)
            if len(pars) == 2 and R.random() < 0.9:
                self.add_edge(pars[0], pars[1])
        for grp, extra in self.ext:
            kids_all = [(h, k) for h in grp for k in self.households[h][0]]
            adults_all = [(h, p) for h in grp for p in self.households[h][1]] + [(-1, a) for a in extra]
            for x in range(len(kids_all)):
                for y in range(x + 1, len(kids_all)):
                    if kids_all[x][0] != kids_all[y][0] and R.random() < 0.45:
                        self.add_edge(kids_all[x][1], kids_all[y][1])
            for h, a in adults_all:
                for hk, k in kids_all:
                    if hk != h and R.random() < 0.35:
                        self.add_edge(a, k)
            for x in range(len(adults_all)):
                for y in range(x + 1, len(adults_all)):
                    if adults_all[x][0] != adults_all[y][0] and R.random() < 0.6:
                        self.add_edge(adults_all[x][1], adults_all[y][1])

        # teams (town-wide clubs), staff, workplaces, neighbourhoods, alumni, online communities
        self.team = {}
        self.teams = []
        self.town_teams = [[] for _ in range(nt)]
        for t in range(nt):
            tm = [i for i in town_minors[t] if R.random() < 0.4]
            tm.sort(key=lambda i: self.band[i] + R.random() * 1.5)
            j = 0
            while j < len(tm):
                sz = R.randint(12, 25)
                grp = tm[j:j + sz]
                j += sz
                self.teams.append(grp)
                self.town_teams[t].append(len(self.teams) - 1)
                for i in grp:
                    self.team[i] = len(self.teams) - 1
        self.staff = [[] for _ in self.school_town]
        self.staff_of = {}
        self.workplace = {}
        self.workplaces = []
        self.neigh = {}
        self.neighs = []
        for t in range(nt):
            ta = town_adults[t][:]
            R.shuffle(ta)
            older = [a for a in ta if not self.young[a]]
            taken = set()
            for s in self.town_schools[t]:
                n_st = max(3, round(len(self.pupils[s]) / 12))
                for _ in range(n_st):
                    if not older:
                        break
                    a = older.pop()
                    taken.add(a)
                    self.staff[s].append(a)
                    self.staff_of[a] = s
                wid = len(self.workplaces)
                self.workplaces.append(self.staff[s][:])
                for a in self.staff[s]:
                    self.workplace[a] = wid
            ta = [a for a in ta if a not in taken]
            j = 0
            while j < len(ta):
                sz = min(300, int(4 * (1 - R.random()) ** (-1 / 1.3)))
                grp = ta[j:j + sz]
                j += sz
                grp = [a for a in grp if R.random() < 0.88]
                if len(grp) < 2:
                    continue
                wid = len(self.workplaces)
                self.workplaces.append(grp)
                for a in grp:
                    self.workplace[a] = wid
            ta = town_adults[t][:]
            R.shuffle(ta)
            j = 0
            while j < len(ta):
                sz = R.randint(150, 400)
                grp = ta[j:j + sz]
                j += sz
                self.neighs.append(grp)
                for a in grp:
                    self.neigh[a] = len(self.neighs) - 1
        n_al = max(1, round(Ab / 70))
        alw = [R.lognormvariate(0, 0.6) for _ in range(n_al)]
        self.alumni = [[] for _ in range(n_al)]
        al_of = {}
        for a in self.base_adults:
            gs = set(R.choices(range(n_al), weights=alw, k=1 if R.random() < 0.7 else 2))
            al_of[a] = list(gs)
            for g in gs:
                self.alumni[g].append(a)
        youngs = [a for a in self.base_adults if self.young[a]]
        n_on = max(2, round((Mb + len(youngs)) / 90))
        focus = ["kid" if R.random() < 0.25 else "teen" for _ in range(n_on)]
        onw = [R.lognormvariate(0, 0.8) for _ in range(n_on)]
        kid_c = [c for c in range(n_on) if focus[c] == "kid"] or [0]
        teen_c = [c for c in range(n_on) if focus[c] == "teen"] or [0]
        kid_w = [onw[c] for c in kid_c]
        teen_w = [onw[c] for c in teen_c]
        self.online = [[] for _ in range(n_on)]
        on_of = {}
        for i in self.base_minors + youngs:
            b = self.band[i]
            if b == U13:
                k = R.choice([0, 1, 1, 2])
                cs = R.choices(kid_c, weights=kid_w, k=k)
            elif b == B13:
                k = R.choice([1, 1, 2, 3])
                cs = [R.choices(kid_c, weights=kid_w)[0] if R.random() < 0.2 else
                      R.choices(teen_c, weights=teen_w)[0] for _ in range(k)]
            else:
                k = R.choice([1, 1, 2, 3]) if b == B16 else R.choice([1, 2])
                cs = R.choices(teen_c, weights=teen_w, k=k)
            cs = list(set(cs))
            on_of[i] = cs
            for c in cs:
                self.online[c].append(i)

        # sociability
        P["minor_tail_share"] = R.uniform(0.15, 0.30)
        P["minor_tail_alpha"] = R.uniform(1.5, 2.2)
        P["minor_body_median"] = R.uniform(22, 35)
        P["adult_median"] = R.uniform(25, 40)
        soc = {}
        for i in self.base_minors:
            if R.random() < P["minor_tail_share"]:
                xmin = R.uniform(55, 80)
                s = min(700.0, xmin * (1 - R.random()) ** (-1 / P["minor_tail_alpha"]))
            else:
                s = P["minor_body_median"] * R.lognormvariate(0, 0.55)
            age = (T0 - self.created[i]) / DAY
            if age < 60:
                s *= max(0.15, age / 60)
            soc[i] = s
        for a in self.base_adults:
            s = min(1200.0, P["adult_median"] * R.lognormvariate(0, 0.75) * (1.2 if self.young[a] else 1.0))
            age = (T0 - self.created[a]) / DAY
            if age < 60:
                s *= max(0.15, age / 60)
            soc[a] = s
        self.soc = soc

        def rnd(x):
            return int(x + R.random())
        ctx = {}

        def put(key, node, n):
            if n > 0:
                ctx.setdefault(key, []).extend([node] * n)
        csize = {}
        for key, lst in self.cohort.items():
            csize[("c",) + key] = len(lst)
        for i in self.base_minors:
            s = soc[i]
            b, sch, t = self.band[i], self.school[i], self.town[i]
            n_co = rnd(s * 0.55)
            n_sc = rnd(s * 0.10)
            n_tm = rnd(s * 0.08)
            n_tw = rnd(s * 0.12)
            n_on = rnd(s * 0.15)
            cap = int(0.6 * (len(self.cohort[(sch, b)]) - 1))
            n_co, spill = fit(cap, n_co)
            n_tw += spill
            cap = int(0.25 * len(self.pupils[sch]))
            n_sc, spill = fit(cap, n_sc)
            n_tw += spill
            if i in self.team:
                cap = int(0.6 * (len(self.teams[self.team[i]]) - 1))
                n_tm, spill = fit(cap, n_tm)
                n_on += spill
            else:
                n_co += n_tm
                n_tm = 0
            cap = int(0.2 * len(town_minors[t]) / 3)
            n_tw, spill = fit(cap, n_tw)
            n_on += spill
            put(("c", sch, b), i, n_co)
            put(("s", sch), i, n_sc)
            if n_tm:
                put(("tm", self.team[i]), i, n_tm)
            put(("tw", t, b), i, n_tw)
            cs = on_of.get(i) or []
            gl = 0
            if cs:
                per = n_on / len(cs)
                for c in cs:
                    n = rnd(per)
                    cap = int(0.5 * len(self.online[c]))
                    n, spill = fit(cap, n)
                    gl += spill
                    put(("o", c), i, n)
            else:
                gl = n_on
            put(("gm", b), i, gl)
        for a in self.base_adults:
            s = soc[a]
            t = self.town[a]
            y = self.young[a]
            n_wp = rnd(s * 0.30)
            n_nb = rnd(s * 0.18)
            n_al = rnd(s * (0.15 if y else 0.27))
            n_tw = rnd(s * 0.15)
            n_gl = rnd(s * (0.02 if y else 0.10))
            n_on = rnd(s * 0.20) if y else 0
            if a in self.workplace:
                cap = int(0.7 * (len(self.workplaces[self.workplace[a]]) - 1))
                n_wp, spill = fit(cap, n_wp)
                n_tw += spill
                put(("w", self.workplace[a]), a, n_wp)
            else:
                n_tw += n_wp
            cap = int(0.3 * len(self.neighs[self.neigh[a]]))
            n_nb, spill = fit(cap, n_nb)
            n_tw += spill
            put(("n", self.neigh[a]), a, n_nb)
            gs = al_of[a]
            per = n_al / len(gs)
            for g in gs:
                n = rnd(per)
                cap = int(0.5 * len(self.alumni[g]))
                n, spill = fit(cap, n)
                n_gl += spill
                put(("al", g), a, n)
            cap = int(0.2 * len(town_adults[t]))
            n_tw, spill = fit(cap, n_tw)
            n_gl += spill
            put(("ta", t), a, n_tw)
            if n_on:
                cs = on_of.get(a) or []
                per = n_on / max(1, len(cs))
                for c in cs:
                    put(("o", c), a, rnd(per))
            put(("ga",), a, n_gl)
        for key, lst in ctx.items():
            R.shuffle(lst)
            for j in range(0, len(lst) - 1, 2):
                self.add_edge(lst[j], lst[j + 1])
        # some staff already have a few pupils as friends
        for s, st in enumerate(self.staff):
            pu = self.pupils[s]
            older = [i for i in pu if self.band[i] == B16] or pu
            for a in st:
                if R.random() < 0.4 and pu:
                    for _ in range(R.randint(1, 6)):
                        self.add_edge(a, R.choice(older if R.random() < 0.7 else pu))

        # degree percentiles (computed before the creators' fans, recomputed after)
        self.compute_pct()
        # creators: established adults with a large mixed-age audience among their friends
        cands = [a for a in self.base_adults if T0 - self.created[a] > 365 * DAY and a not in self.parent_of
                 and a not in self.staff_of]
        self.creators = R.sample(cands, self.lc["creator"])
        for c in self.creators:
            self.used.add(c)
            nf = R.randint(150, 600)
            msh = R.uniform(0.3, 0.6)
            nm = int(nf * msh)
            for m in self.wsample(self.base_minors, lambda i: 0.3 + self.pct[i], nm):
                self.add_edge(c, m)
            for a in self.usample(self.base_adults, nf - nm, excl={c}):
                self.add_edge(c, a)
        self.compute_pct()

        # activity (ordinary messaging bursts per day)
        self.act = [0.0] * self.n_base
        med_m = P["minor_body_median"]
        med_a = P["adult_median"]
        for i in self.base_minors:
            self.act[i] = 0.75 * (max(1, len(self.adj[i])) / med_m) ** 0.3 * R.lognormvariate(-0.125, 0.5)
        for a in self.base_adults:
            self.act[a] = 0.28 * (max(1, len(self.adj[a])) / med_a) ** 0.2 * R.lognormvariate(-0.24, 0.7)

        # historical friendships: ACCEPTED events dated before T0
        for a in range(self.n_base):
            for b in self.adj[a]:
                if b > a:
                    m = max(self.created[a], self.created[b])
                    t = m + int((T0 - HOUR - m) * R.random())
                    self.since[pk(a, b)] = t
                    if R.random() < 0.5:
                        self.fr(t, a, b, ACC)
                    else:
                        self.fr(t, b, a, ACC)
        self.fl = [list(s) for s in self.adj]
        self.deg0 = [len(s) for s in self.adj]
        self.adj0 = [frozenset(s) for s in self.adj]
        P["initial_friendships"] = sum(self.deg0) // 2

    def compute_pct(self):
        n = self.n_base
        self.pct = [0.0] * n
        self.pctb = [0.0] * n
        ms = self.base_minors

        def fill(lst, out):
            lst = sorted(lst, key=lambda i: len(self.adj[i]))
            j = 0
            M = len(lst)
            while j < M:
                d = len(self.adj[lst[j]])
                k = j
                while k < M and len(self.adj[lst[k]]) == d:
                    k += 1
                p = ((j + k - 1) / 2 + 0.5) / M
                for x in range(j, k):
                    out[lst[x]] = p
                j = k
        fill(ms, self.pct)
        for b in MINOR_BANDS:
            fill([i for i in ms if self.band[i] == b], self.pctb)
        sc = self.P.setdefault("stranger_accept_scale", self.R.uniform(0.8, 1.2))
        self.pstr = [0.0] * n
        for i in ms:
            bf = {U13: 0.55, B13: 1.0, B16: 1.15}[self.band[i]]
            self.pstr[i] = min(0.85, max(0.01, sc * bf * (0.05 + 0.6 * self.pct[i] ** 2)))

    def ext_pct(self, i):
        return self.pct[i] if i < self.n_base else 0.0

    # ------------------------------------------------------------------ offenders
    def new_account(self, band, created, town=-1, school=-1):
        i = self.add(band, created, town, school)
        self.pct.append(0.0)
        self.pctb.append(0.0)
        self.pstr.append(0.0)
        self.act.append(0.0)
        self.fl.append([])
        self.deg0.append(0)
        return i

    def minors_of(self, bands):
        return [i for i in self.base_minors if self.band[i] in bands]

    def sessions_times(self, n, ts, te, cw, per=(2, 6), gap=(1, 10)):
        """n contact times in [ts, te) grouped into sessions of a few contacts minutes apart."""
        R = self.R
        out = []
        while len(out) < n:
            t = self.when(ts, te, cw)
            for _ in range(R.randint(*per)):
                if len(out) >= n:
                    break
                out.append(t)
                t += int(R.uniform(*gap) * MIN)
        out.sort()
        return out

    def off_partial_picker(self):
        R = self.R
        for _ in range(self.oc["partial_picker"]):
            created = T0 + int(R.uniform(-10, 12) * DAY)
            i = self.new_account(ADU if R.random() < 0.75 else UNK, created)
            self.label(i, "partial_picker", True)
            self.no_ordinary.add(i)
            K = R.randint(15, 45)
            pdeg = R.uniform(0.40, 0.70)
            bands = MINOR_BANDS if R.random() < 0.5 else (B13, B16)
            cands = self.minors_of(bands)
            start = max(created + int(R.uniform(0.1, 2) * DAY), T0)
            D = R.uniform(2, 9) * DAY
            end = min(start + D, self.TE - DAY // 2)
            if end - start < DAY:
                start = end - DAY
            nd = round(K * pdeg)
            tg = self.wsample(cands, lambda m: self.pct[m] ** 6, nd)
            tg += self.usample(cands, K - nd, excl=set(tg))
            R.shuffle(tg)
            times = self.sessions_times(len(tg), start, end, CW_NIGHT)
            for m, t in zip(tg, times):
                if R.random() < 0.75:
                    ta = self.request(i, m, t, self.p_accept(i, m, "stranger"), p_dec=0.5)
                    if ta and R.random() < 0.6:
                        self.engage(i, m, ta, R.randint(1, 4), 5, R.uniform(0.2, 0.6), media=0.08)
                        if R.random() < 0.08:
                            tr = ta + int(R.uniform(1, 6) * DAY)
                            if tr < self.TE:
                                self.fr(tr, m, i, REM)
                                self.until[pk(i, m)] = tr
                else:
                    self.special.add(pk(i, m))
                    self.convo(i, m, t, R.randint(1, 3), self.pstr[m] * 0.6, media=0.05)
            for a in self.usample(self.base_adults, R.randint(0, 6)):
                self.request(i, a, self.when(start, end, CW_ADULT), 0.25)

    def off_welcomed_adult(self):
        R = self.R
        cands = [a for a in self.base_adults if a not in self.used and self.band[a] == ADU
                 and T0 - self.created[a] >= 90 * DAY and 30 <= self.deg0[a] <= 150
                 and not self.young[a] and a not in self.parent_of and a not in self.staff_of
                 and not any(self.is_minor(f) for f in self.adj[a])]
        chosen = R.sample(cands, min(len(cands), self.oc["welcomed_adult"]))
        for i in chosen:
            self.label(i, "welcomed_adult", True)
            K = R.randint(25, 40)
            acc_rate = R.uniform(0.5, 0.7)
            start = T0 + int(R.uniform(0, 5) * DAY)
            span = R.uniform(14, 21) * DAY
            end = int(min(start + span, self.TE - DAY // 2))
            excl = self.fof(i)
            tg = self.wsample(self.base_minors, lambda m: self.pct[m] ** 3, K, excl)
            n_acc = round(acc_rate * len(tg))
            acc = set(self.wsample(tg, lambda m: self.pstr[m] + 0.05, n_acc))
            times = self.sessions_times(len(tg), start, end, CW_ADULT, per=(1, 4), gap=(2, 30))
            accepted = []
            for m, t in zip(tg, times):
                ta = self.request(i, m, t, 0, p_dec=0.5, force=(m in acc))
                if ta:
                    accepted.append((m, ta))
            M = min(len(accepted), R.randint(12, 25))
            for m, ta in R.sample(accepted, M):
                self.engage(i, m, ta, R.randint(2, 6), 5, R.uniform(0.3, 0.7), media=0.05, r_first=0.1)

    def off_weak_ring(self):
        R = self.R
        self.ring_groups = []
        for size in self.rings:
            base_c = T0 + int(R.uniform(-6, 12) * DAY)
            members = []
            for _ in range(size):
                i = self.new_account(ADU if R.random() < 0.7 else UNK, base_c + int(R.uniform(0, 36) * HOUR))
                self.label(i, "weak_ring", True)
                self.no_ordinary.add(i)
                members.append(i)
            self.ring_groups.append(members)
            bands = (B13, B16) if R.random() < 0.7 else MINOR_BANDS
            cands = self.minors_of(bands)
            psize = R.randint(40, 50)
            top = self.wsample(cands, lambda m: self.pct[m] ** 6, round(psize * 0.6))
            mid = self.usample([m for m in cands if 0.4 <= self.pct[m] < 0.8], psize - len(top), excl=set(top))
            pool = top + mid
            cmax = max(self.created[m] for m in members)
            attack = max(cmax + int(R.uniform(0.2, 2) * DAY), T0 + DAY // 5)
            attack = min(attack, self.TE - 3 * DAY)
            if R.random() < 0.5:
                for x in range(len(members)):
                    for y in range(x + 1, len(members)):
                        t = max(self.created[members[x]], self.created[members[y]]) + int(R.uniform(0.5, 10) * HOUR)
                        self.request(members[x], members[y], t, 0.9)
            subsets = []
            for i in members:
                best = None
                for _ in range(200):
                    k = R.randint(8, 12)
                    sub = set(R.sample(pool, min(k, len(pool))))
                    ok = all(len(sub & o) / len(sub | o) <= 0.3 for o in subsets)
                    if ok:
                        best = sub
                        break
                    if best is None:
                        best = sub
                subsets.append(best)
                extra = self.usample(cands, R.randint(0, 3), excl=set(pool))
                ts = attack + int(R.uniform(0, 48) * HOUR)
                win = R.uniform(2, 6) * HOUR
                tg = list(best) + extra
                R.shuffle(tg)
                for m in tg:
                    t = ts + int(R.random() * win)
                    ta = self.request(i, m, t, self.p_accept(i, m, "stranger"), p_dec=0.5)
                    if ta and R.random() < 0.5:
                        self.engage(i, m, ta, R.randint(1, 3), 4, R.uniform(0.2, 0.6), media=0.08)

    def off_fake_teen(self):
        R = self.R
        for _ in range(self.oc["fake_teen"]):
            claimed = B13 if R.random() < 0.55 else B16
            created = T0 + int(R.uniform(-15, 15) * DAY)
            i = self.new_account(claimed, created)
            self.label(i, "fake_teen", True)
            self.no_ordinary.add(i)
            start = max(T0, created + int(R.uniform(0.3, 4) * DAY))
            start = min(start, self.TE - int(2.5 * DAY))
            span = R.uniform(0.5, 2) * DAY
            K = R.randint(10, 30)
            cands = self.minors_of((claimed,))
            ranked = self.wsample(cands, lambda m: self.pctb[m] ** 4, K * 4)
            per_school = {}
            tg = []
            for m in ranked:
                s = self.school[m]
                lim = 2 if R.random() < 0.2 else 1
                if per_school.get(s, 0) >= lim:
                    continue
                per_school[s] = per_school.get(s, 0) + 1
                tg.append(m)
                if len(tg) >= K:
                    break
            times = self.sessions_times(len(tg), start, int(start + span), CW_MINOR, per=(3, 8), gap=(1, 6))
            for m, t in zip(tg, times):
                ta = self.request(i, m, t, self.p_accept(i, m, "stranger"), p_dec=0.4)
                if ta and R.random() < 0.7:
                    self.engage(i, m, ta, R.randint(1, 5), 5, 0.5, media=0.06, r_first=0.15)

    def off_slow_drip(self):
        R = self.R
        cands = [a for a in self.base_adults if a not in self.used and T0 - self.created[a] >= 30 * DAY
                 and 10 <= self.deg0[a] <= 80 and not any(self.is_minor(f) for f in self.adj[a])]
        for i in R.sample(cands, min(len(cands), self.oc["slow_drip"])):
            self.label(i, "slow_drip", True)
            excl = self.fof(i)
            for d in range(self.days):
                n = R.randint(1, 3)
                tg = self.wsample(self.base_minors, lambda m: self.pct[m] ** 4, n, excl)
                for m in tg:
                    excl.add(m)
                    t = self.hour_time(T0 + d * DAY, CW_NIGHT)
                    ta = self.request(i, m, t, self.p_accept(i, m, "stranger"), p_dec=0.5)
                    if ta and R.random() < 0.5:
                        self.engage(i, m, ta, R.randint(1, 5), 4, R.uniform(0.3, 0.6), media=0.05)

    def off_hub_climber(self):
        """own tactic: win one or two very popular minors, then climb through their friend lists,
        always to the most popular friends (targets share mutual friends, so they are not strangers)."""
        R = self.R
        cands = [a for a in self.base_adults if a not in self.used and 20 * DAY <= T0 - self.created[a] <= 400 * DAY
                 and 5 <= self.deg0[a] <= 60 and not any(self.is_minor(f) for f in self.adj[a])]
        top = [m for m in self.base_minors if self.pct[m] >= 0.9 and self.band[m] != U13]
        for i in R.sample(cands, min(len(cands), self.oc["hub_climber"])):
            self.label(i, "hub_climber", True)
            total = R.randint(20, 35)
            t = T0 + int(R.uniform(0, 6) * DAY)
            end = min(t + int(R.uniform(5, 12) * DAY), self.TE - DAY // 2)
            contacted = set(self.adj[i]) | {i}
            won = []
            tries = 0
            while len(won) < 2 and tries < 8:
                m = R.choice(top)
                if m in contacted:
                    tries += 1
                    continue
                contacted.add(m)
                tries += 1
                ta = self.request(i, m, t, self.pstr[m], p_dec=0.5)
                if ta:
                    won.append((m, ta))
                t += int(R.uniform(1, 8) * HOUR)
            n = tries
            frontier = set()
            for m, ta in won:
                frontier |= {f for f in self.adj[m] if f < self.n_base and self.is_minor(f)}
            step = max(1, (end - t) // max(1, total - n))
            while n < total and t < end:
                fr = [f for f in frontier if f not in contacted]
                if fr:
                    m = self.wsample(fr, lambda f: max(1, len(self.adj[f])) ** 1.5, 1)[0]
                    rel = "fof"
                else:
                    m = self.wsample(self.base_minors, lambda f: self.pct[f] ** 4, 1, contacted)[0]
                    rel = "stranger"
                contacted.add(m)
                n += 1
                tt = self.when(t, t + step, CW_NIGHT)
                ta = self.request(i, m, tt, self.p_accept(i, m, rel), p_dec=0.5)
                if ta:
                    won.append((m, ta))
                    frontier |= {f for f in self.adj[m] if f < self.n_base and self.is_minor(f)}
                t += step
            for m, ta in won:
                if R.random() < 0.6:
                    self.engage(i, m, ta, R.randint(1, 5), 5, R.uniform(0.3, 0.7), media=0.05)

    # ------------------------------------------------------------------ look-alikes
    def free_staff_member(self, schools):
        """A school drawn from schools and one of its staff not yet given a role, or None."""
        s = self.R.choice(schools)
        st = [a for a in self.staff[s] if a not in self.used]
        if not st:
            return None
        return s, self.R.choice(st)

    def give_staff_roles(self, schools, n, give_role):
        """Draws free staff members until n of them took a role (give_role(school, account) returns
        True when it gave one), at most n * 20 draws."""
        done = 0
        draws = 0
        while done < n and draws < n * 20:
            draws += 1
            picked = self.free_staff_member(schools)
            if picked is not None and give_role(*picked):
                done += 1

    def la_teachers(self):
        schools = [s for s in range(len(self.staff)) if self.staff[s] and len(self.pupils[s]) >= 30]
        self.give_staff_roles(schools, self.lc["teacher_coach"], self.teacher_coach)
        self.give_staff_roles(schools, self.lc["teacher_multi_school"], self.teacher_multi_school)

    def teacher_coach(self, s, a):
        """6-8 pupils of one cohort or team."""
        R = self.R
        tt = self.town_teams[self.school_town[s]]
        if R.random() < 0.3 and tt:
            grp = self.teams[R.choice(tt)]
            if len(grp) < 8:
                return False
        else:
            keys = [k for k in ((s, b) for b in MINOR_BANDS) if len(self.cohort.get(k, [])) >= 10]
            if not keys:
                return False
            grp = self.cohort[R.choice(keys)]
        K = R.randint(6, 8)
        tg = self.usample(grp, K, excl=self.adj[a] | {a})
        if len(tg) < 6:
            return False
        self.label(a, "teacher_coach", False)
        p = R.uniform(0.7, 0.95)
        t0 = T0 + int(R.uniform(0, self.days - 2) * DAY)
        times = self.sessions_times(len(tg), t0, t0 + int(R.uniform(0.2, 2) * DAY), CW_ADULT, per=(3, 8), gap=(1, 5))
        for m, t in zip(tg, times):
            ta = self.request(a, m, t, p, p_dec=0.3, med=6 * HOUR)
            if ta and R.random() < 0.5:
                self.engage(a, m, ta, R.randint(1, 4), 3, 0.6, r_first=0.3)
        return True

    def teacher_multi_school(self, s, a):
        """20-40 pupils across 2-3 schools of the town, partly the popular ones."""
        R = self.R
        t = self.school_town[s]
        others = [x for x in self.town_schools[t] if x != s]
        if not others:
            others = [x for x in range(len(self.pupils)) if x != s and self.school_town[x] != t]
        ss = [s] + R.sample(others, min(len(others), R.randint(1, 2)))
        bands = R.sample([B13, B16, U13], R.choice([1, 2]))
        pool = [m for x in ss for m in self.pupils[x] if self.band[m] in bands]
        excl = self.adj[a] | {a}
        K = R.randint(20, 40)
        q = R.uniform(0.2, 0.6)
        tg = self.wsample(pool, lambda m: self.pct[m] ** 4, round(K * q), excl)
        tg += self.usample(pool, K - len(tg), excl=excl | set(tg))
        if len(tg) < 20:
            return False
        self.label(a, "teacher_multi_school", False)
        p = R.uniform(0.6, 0.9)
        t0 = T0 + int(R.uniform(0, self.days - 11) * DAY)
        span = R.uniform(1, 10) * DAY
        day_of = {x: t0 + int(R.random() * span) for x in ss}
        tg.sort(key=lambda m: self.school[m])
        for m in tg:
            d0 = day_of.get(self.school[m], t0)
            tt = self.when(d0, d0 + DAY, CW_ADULT)
            ta = self.request(a, m, tt, p, p_dec=0.3, med=6 * HOUR)
            if ta and R.random() < 0.4:
                self.engage(a, m, ta, R.randint(1, 3), 3, 0.6, r_first=0.3)
        return True

    def la_relatives(self):
        R = self.R
        fams = []
        for e, (grp, extra) in enumerate(self.ext):
            kids = [k for h in grp for k in self.households[h][0]]
            if len(kids) >= 3:
                fams.append((e, kids))
        fw = [1 + 2 * max(self.pct[k] for k in kids) for e, kids in fams]
        n_new = self.n_rel_new
        for j in range(self.lc["relative"]):
            e, kids = R.choices(fams, weights=fw)[0]
            K = min(len(kids), R.randint(3, 8))
            tg = R.sample(kids, K)
            if j < n_new:
                created = T0 + int(R.uniform(-2, self.days - 5) * DAY)
                a = self.new_account(ADU, created, town=self.town[kids[0]])
                self.no_ordinary.add(a)
                start = max(T0, created + int(R.uniform(0.05, 1) * DAY))
            else:
                a = None
                for _ in range(50):
                    c = R.choice(self.base_adults)
                    if c in self.used or any(k in self.adj[c] for k in kids):
                        continue
                    a = c
                    break
                if a is None:
                    continue
                start = T0 + int(R.uniform(0, self.days - 4) * DAY)
            self.label(a, "relative", False)
            times = self.sessions_times(len(tg), start, start + int(R.uniform(0.3, 3) * DAY), CW_ADULT,
                                        per=(2, 8), gap=(1, 4))
            for m, t in zip(tg, times):
                ta = self.request(a, m, t, 0.85, p_dec=0.2, med=5 * HOUR)
                if ta and R.random() < 0.7:
                    self.engage(a, m, ta, R.randint(1, 5), 3, 0.7, media=0.15, r_first=0.35)

    def la_new_teens(self):
        R = self.R
        for _ in range(self.lc["new_teen"]):
            u = R.random()
            b = B13 if u < 0.5 else (B16 if u < 0.9 else U13)
            keys = [k for k, v in self.cohort.items() if k[1] == b and len(v) >= 20]
            if not keys:
                continue
            key = R.choice(keys)
            s = key[0]
            created = T0 + int(R.uniform(-3, self.days - 4) * DAY)
            i = self.new_account(b, created, town=self.school_town[s], school=s)
            self.label(i, "new_teen", False)
            self.no_ordinary.add(i)
            K = R.randint(6, 15)
            tg = self.wsample(self.cohort[key], lambda m: self.pct[m] ** 3, K)
            p = R.uniform(0.55, 0.85)
            start = max(T0, created + int(R.uniform(0.05, 1) * DAY))
            times = self.sessions_times(len(tg), start, start + int(R.uniform(1, 4) * DAY), CW_MINOR,
                                        per=(2, 6), gap=(1, 8))
            for m, t in zip(tg, times):
                ta = self.request(i, m, t, p, p_dec=0.3, med=3 * HOUR)
                if ta and R.random() < 0.6:
                    self.engage(i, m, ta, R.randint(1, 6), 4, 0.7, media=0.05, r_first=0.4)
            for m in self.usample(self.pupils[s], R.randint(0, 5), excl=set(tg)):
                t = self.when(start, min(self.TE, start + 5 * DAY), CW_MINOR)
                ta = self.request(m, i, t, 0.9, med=3 * HOUR)
                if ta and R.random() < 0.5:
                    self.engage(m, i, ta, R.randint(1, 4), 4, 0.7)

    def la_popular_teens(self):
        R = self.R
        cands = [m for m in self.base_minors if self.pct[m] >= 0.9 and m not in self.used]
        for i in R.sample(cands, min(len(cands), self.lc["popular_teen"])):
            self.label(i, "popular_teen", False)
            b = self.band[i]
            K = R.randint(20, 60)
            excl = self.adj[i] | {i}
            local = [m for m in self.town_minors[self.town[i]] if self.band[m] == b]
            n_loc = round(K * 0.6)
            tg = self.wsample(local, lambda m: self.pct[m] ** 2, n_loc, excl)
            fof = set()
            for f in self.adj[i]:
                fof |= self.adj[f]
            fof = [m for m in fof if m < self.n_base and self.is_minor(m) and self.band[m] == b]
            tg += self.wsample(fof, lambda m: self.pct[m] ** 2, K - len(tg), excl | set(tg))
            R.shuffle(tg)
            for m in tg:
                tt = self.when(T0, self.TE - DAY // 2, CW_MINOR)
                mutual = len(self.adj[i] & self.adj[m]) > 0
                rel = "known" if self.school[m] == self.school[i] else ("fof" if mutual else "stranger")
                p = self.p_accept(i, m, rel)
                ta = self.request(i, m, tt, max(p, 0.5), p_dec=0.3, med=3 * HOUR)
                if ta and R.random() < 0.5:
                    self.engage(i, m, ta, R.randint(1, 5), 4, 0.7, media=0.05, r_first=0.4)

    def la_spammers(self):
        R = self.R
        everyone = list(range(self.n_base))
        for _ in range(self.lc["spammer"]):
            created = T0 + int(R.uniform(-20, 10) * DAY)
            i = self.new_account(ADU if R.random() < 0.7 else UNK, created)
            self.label(i, "spammer", False)
            self.no_ordinary.add(i)
            start = max(T0, created + int(R.uniform(0, 2) * DAY))
            start = min(start, self.TE - 3 * DAY)
            end = min(self.TE - DAY // 4, start + int(R.uniform(3, 15) * DAY))
            C = R.randint(150, 600)
            lean = R.uniform(0.2, 0.8)
            tg = self.wsample(everyone, lambda j: (self.act[j] + 0.05) * ((1 + lean * self.pct[j]) if self.is_minor(j) else 1.0), C)
            times = self.sessions_times(len(tg), start, end, CW_ADULT, per=(20, 60), gap=(0.1, 1.5))
            for j, t in zip(tg, times):
                if R.random() < 0.6:
                    p = self.pstr[j] * 0.4 if self.is_minor(j) else 0.08
                    ta = self.request(i, j, t, p, p_dec=0.6)
                    if ta and R.random() < 0.5:
                        self.msg(ta + int(R.uniform(1, 60) * MIN), i, j)
                else:
                    self.special.add(pk(i, j))
                    self.msg(t, i, j, 1 if R.random() < 0.3 else 0)
                    if R.random() < 0.03:
                        self.msg(t + self.delay(HOUR), j, i)
            if R.random() < 0.4:
                td = end + int(R.uniform(0, 2) * DAY)
                if td < self.TE:
                    self.deleted_at[i] = td
                    self.profile_updates.append((td, i, self.band[i], True))

    def la_creators(self):
        R = self.R
        for c in self.creators:
            self.label(c, "creator", False)
            F = R.randint(40, 150)
            rr = R.uniform(0.2, 0.5)
            fans = self.wsample(self.base_minors, lambda m: (self.act[m] + 0.05) * (0.5 + self.pct[m]), F, {c})
            for m in fans:
                self.special.add(pk(c, m))
                t = self.when(T0, self.TE, CW_MINOR)
                for _ in range(R.randint(1, 3)):
                    if t >= self.TE:
                        break
                    self.msg(t, m, c, 1 if R.random() < 0.1 else 0)
                    t += int(R.expovariate(1 / (3 * MIN))) + 5000
                if R.random() < rr:
                    t += self.delay(5 * HOUR)
                    self.convo(c, m, t, R.randint(1, 2), 0.5)
            for a in self.usample(self.base_adults, F // 2, excl={c}):
                self.special.add(pk(c, a))
                t = self.when(T0, self.TE, CW_ADULT)
                self.msg(t, a, c)
                if R.random() < rr:
                    self.convo(c, a, t + self.delay(5 * HOUR), 1, 0.4)
            for m in self.wsample(self.base_minors, lambda m: self.act[m] * (0.5 + self.pct[m]), R.randint(10, 50), self.adj[c] | {c}):
                self.request(m, c, self.when(T0, self.TE, CW_MINOR), 0.5, p_dec=0.1, med=10 * HOUR)

    def la_parents(self):
        R = self.R
        cands = []
        for a, h in self.parent_of.items():
            if a in self.used:
                continue
            for k in self.households[h][0]:
                fr = [f for f in self.adj[k] if f < self.n_base and self.is_minor(f)
                      and self.band[f] == self.band[k] and self.hh_of.get(f) != h and f not in self.adj[a]]
                if len(fr) >= 4:
                    cands.append((a, k, fr))
        w = [1 + 3 * self.pct[k] for a, k, fr in cands]
        seen = set()
        n = self.lc["parent_of_friends"]
        guard = 0
        while len(seen) < n and guard < n * 30 and cands:
            guard += 1
            a, k, fr = R.choices(cands, weights=w)[0]
            if a in seen:
                continue
            seen.add(a)
            self.label(a, "parent_of_friends", False)
            K = min(len(fr), R.randint(4, 15))
            tg = R.sample(fr, K)
            p = R.uniform(0.6, 0.85)
            start = T0 + int(R.uniform(0, self.days - 7) * DAY)
            for m in tg:
                t = self.when(start, start + int(R.uniform(1, 7) * DAY), CW_ADULT)
                ta = self.request(a, m, t, p, p_dec=0.3, med=6 * HOUR)
                if ta and R.random() < 0.45:
                    self.engage(a, m, ta, R.randint(1, 3), 3, 0.6, r_first=0.2)

    # ------------------------------------------------------------------ ordinary life
    def ordinary_new(self):
        R = self.R
        for j in range(self.ord_new_adult + self.ord_new_minor):
            created = T0 + int(R.uniform(0, self.days - 2) * DAY)
            if j < self.ord_new_minor:
                key = R.choice(list(self.cohort.keys()))
                grp = self.cohort[key]
                i = self.new_account(key[1], created, town=self.school_town[key[0]], school=key[0])
                tg = self.usample(grp, R.randint(4, 12))
                cw, p = CW_MINOR, 0.7
            else:
                t = R.randrange(self.n_towns)
                i = self.new_account(ADU, created, town=t)
                src = self.town_adults[t] or self.base_adults
                tg = self.usample(src, R.randint(3, 15))
                cw, p = CW_ADULT, 0.6
            self.act[i] = 0.5 if j < self.ord_new_minor else 0.25
            for m in tg:
                t = self.when(created, min(self.TE, created + 3 * DAY), cw)
                self.request(i, m, t, p, p_dec=0.3, special=False)

    def ordinary_requests(self):
        R = self.R
        n_req = 0
        for i in range(self.n_base):
            if i in self.used:
                continue
            minor = self.is_minor(i)
            if minor:
                rate = 0.10 * (max(1, self.deg0[i]) / self.P["minor_body_median"]) ** 0.4
            else:
                rate = 0.05
            lam = rate * self.days
            k = 0
            L = math.exp(-lam)
            p = R.random()
            while p > L and k < 60:
                k += 1
                p *= R.random()
            for _ in range(k):
                t = self.when(T0, self.TE, CW_MINOR if minor else CW_ADULT)
                u = R.random()
                j = None
                rel = "stranger"
                fl = self.fl[i]
                if u < 0.55 and fl:
                    f = R.choice(fl)
                    if self.fl[f]:
                        j = R.choice(self.fl[f])
                        rel = "fof"
                elif u < 0.85:
                    if minor:
                        grp = self.cohort.get((self.school[i], self.band[i]))
                    else:
                        w = self.workplace.get(i)
                        grp = self.workplaces[w] if w is not None and R.random() < 0.6 else self.neighs[self.neigh[i]]
                    if grp:
                        j = R.choice(grp)
                        rel = "known"
                else:
                    if minor:
                        j = R.choice(self.base_minors)
                    else:
                        j = R.choice(self.base_adults)
                if j is None or j == i or j >= self.n_base or j in self.used and self.role.get(j) in OFFENDER_CLASSES:
                    continue
                if self.is_minor(j) and not minor and rel != "known":
                    pa = self.p_accept(i, j, rel) * 0.8
                elif self.is_minor(j) and minor:
                    pa = {"known": 0.78, "fof": 0.7}.get(rel) or self.p_accept(i, j, "stranger")
                elif self.is_minor(j):
                    pa = 0.5
                else:
                    pa = self.p_accept(i, j, rel)
                if rel == "known" and not minor and self.is_minor(j):
                    continue
                if pk(i, j) in self.since or pk(i, j) in self.touched:
                    continue
                self.request(i, j, t, pa, p_dec=0.35, special=False)
                n_req += 1
        self.P["ordinary_requests"] = n_req

    def ordinary_removals(self):
        R = self.R
        edges = [k for k in self.since if k // 1048576 < self.n_base and k % 1048576 < self.n_base]
        nrem = int(len(edges) * 0.0025)
        for k in R.sample(edges, nrem):
            a, b = k // 1048576, k % 1048576
            if a in self.used or b in self.used or k in self.special:
                continue
            t = T0 + int(R.random() * (self.TE - T0))
            if self.since[k] >= t:
                continue
            self.until[k] = t
            if R.random() < 0.5:
                a, b = b, a
            self.fr(t, a, b, REM)

    def birthdays_and_deletions(self):
        R = self.R
        for i in self.base_minors:
            b = self.band[i]
            p = self.days / {U13: 1460, B13: 1095, B16: 730}[b]
            if R.random() < p:
                t = T0 + int(R.random() * (self.TE - T0))
                self.profile_updates.append((t, i, {U13: B13, B13: B16, B16: ADU}[b], False))
        for i in range(self.n_base):
            if i not in self.used and R.random() < 0.001:
                t = T0 + int(R.random() * (self.TE - T0))
                self.deleted_at[i] = t
                self.profile_updates.append((t, i, self.band[i], True))

    def ordinary_messages(self):
        R = self.R
        n = len(self.band)
        for i in range(n):
            if i in self.no_ordinary or not self.fl[i]:
                continue
            lam = self.act[i] * self.days
            # Poisson via normal approximation for large lambda
            if lam > 30:
                k = max(0, int(R.gauss(lam, math.sqrt(lam)) + 0.5))
            else:
                k = 0
                L = math.exp(-lam)
                p = R.random()
                while p > L:
                    k += 1
                    p *= R.random()
            if not k:
                continue
            fl = self.fl[i]
            close = self.close.get(i)
            if close is None:
                hh = self.hh_of.get(i)
                fam = [f for f in fl if hh is not None and self.hh_of.get(f) == hh]
                close = fam + R.sample(fl, min(len(fl), 5))
                self.close[i] = close
            cw = CW_MINOR if self.is_minor(i) else CW_ADULT
            for _ in range(k):
                t = self.when(max(T0, self.created[i]), self.TE, cw)
                j = R.choice(close) if R.random() < 0.65 else R.choice(fl)
                kk = pk(i, j)
                if kk in self.special or j in self.no_ordinary:
                    continue
                s = self.since.get(kk)
                if s is None or s > t or self.until.get(kk, self.TE + 1) <= t:
                    continue
                n1 = 1
                while R.random() < 0.5 and n1 < 8:
                    n1 += 1
                self.convo(i, j, t, n1, 0.8, media=0.06, b_media=0.06)

    # ------------------------------------------------------------------ run & write
    def run(self):
        self.off_partial_picker()
        self.off_welcomed_adult()
        self.off_weak_ring()
        self.off_fake_teen()
        self.off_slow_drip()
        self.off_hub_climber()
        self.la_teachers()
        self.la_relatives()
        self.la_new_teens()
        self.la_popular_teens()
        self.la_spammers()
        self.la_creators()
        self.la_parents()
        self.ordinary_new()
        self.ordinary_requests()
        self.ordinary_removals()
        self.birthdays_and_deletions()
        self.ordinary_messages()

    def ids(self):
        R = random.Random(self.seed * 31 + 5)
        seen = set()
        out = []
        for _ in range(len(self.band)):
            while True:
                s = "%s%010x" % (R.choice("abcdefghjkmnpqrstuvwxyz"), R.getrandbits(40))
                if s not in seen:
                    seen.add(s)
                    out.append(s)
                    break
        return out

    def write(self, outdir):
        os.makedirs(outdir, exist_ok=True)
        ids = self.ids()
        evs = self.ev
        for i in range(len(self.band)):
            evs.append((self.created[i], KP, i, self.band[i], 0))
        for t, i, b, d in self.profile_updates:
            evs.append((t, KP, i, b, 1 if d else 0, 1))
        evs.sort()
        daycache = {}

        def iso(t):
            d, r = divmod(t, DAY)
            ds = daycache.get(d)
            if ds is None:
                ds = datetime.fromtimestamp(d * 86400, tz=timezone.utc).strftime("%Y-%m-%dT")
                daycache[d] = ds
            h, r = divmod(r, HOUR)
            m, r = divmod(r, MIN)
            s, ms = divmod(r, 1000)
            return "%s%02d:%02d:%02d.%03dZ" % (ds, h, m, s, ms)
        conv = {}
        crng = random.Random(self.seed * 101 + 3)
        TE = self.TE
        dele = self.deleted_at
        created = self.created
        n_lines = {"profile": 0, "friend_request": 0, "message": 0}
        dropped = 0
        early = 0
        seq = 0
        lines = []
        with open(os.path.join(outdir, "events.jsonl"), "w") as f:
            for e in evs:
                t, kind, a, b, x = e[0], e[1], e[2], e[3], e[4]
                if t >= TE:
                    dropped += 1
                    continue
                if kind == KP:
                    ds = ',"deleted":true' if x else ""
                    lines.append('{"type":"profile","accountId":"%s","updatedAt":"%s","createdAt":"%s","ageBand":"%s"%s}\n'
                                 % (ids[a], iso(t), iso(created[a]), BANDS[b], ds))
                    n_lines["profile"] += 1
                else:
                    if (a in dele and t >= dele[a]) or (b in dele and t >= dele[b]):
                        dropped += 1
                        continue
                    if t < created[a] or t < created[b]:
                        early += 1
                        continue
                    seq += 1
                    if kind == KF:
                        lines.append('{"type":"friend_request","eventId":"f%08d","occurredAt":"%s","senderId":"%s","recipientId":"%s","action":"%s"}\n'
                                     % (seq, iso(t), ids[a], ids[b], ACTIONS[x]))
                        n_lines["friend_request"] += 1
                    else:
                        k = pk(a, b)
                        c = conv.get(k)
                        if c is None:
                            c = "c%012x" % crng.getrandbits(48)
                            conv[k] = c
                        lines.append('{"type":"message","eventId":"m%08d","occurredAt":"%s","senderId":"%s","recipientId":"%s","conversationId":"%s","hasMedia":%s}\n'
                                     % (seq, iso(t), ids[a], ids[b], c, "true" if x else "false"))
                        n_lines["message"] += 1
                if len(lines) >= 50000:
                    f.write("".join(lines))
                    lines = []
            f.write("".join(lines))
        labels = {ids[i]: {"class": c, "positive": self.positive[i]} for i, c in sorted(self.role.items())}
        with open(os.path.join(outdir, "labels.json"), "w") as f:
            json.dump(labels, f, indent=0, sort_keys=True)
        # the same labels in the flat form targetwatch's `evaluate --labels` reads: offender.* / benign.*
        flat = {a: ("offender." if v["positive"] else "benign.") + v["class"] for a, v in labels.items()}
        with open(os.path.join(outdir, "labels-flat.json"), "w") as f:
            json.dump(flat, f, indent=0, sort_keys=True)
        self.n_lines, self.dropped, self.early = n_lines, dropped, early

    def summary(self):
        """per-class figures from the window's events: minors contacted (SENT requests and messages)
        who were not the account's friends at the start, their mean degree percentile, acceptances."""
        tg = {}
        acc = {}
        for t, kind, a, b, x, *_ in self.ev:
            if kind == KP or a not in self.role or t >= self.TE or t < T0:
                continue
            if b >= self.n_base or not self.is_minor(b) or (a < self.n_base and b in self.adj0[a]):
                continue
            if (kind == KF and x == SENT) or kind == KM:
                tg.setdefault(a, set()).add(b)
            if kind == KF and x == ACC:
                acc[a] = acc.get(a, 0) + 1
        out = {}
        for cls in OFFENDER_CLASSES + LOOKALIKE_CLASSES:
            accs = [i for i, c in self.role.items() if c == cls]
            if not accs:
                continue
            nm = [len(tg.get(i, ())) for i in accs]
            pc = [sum(self.pct[m] for m in tg[i]) / len(tg[i]) for i in accs if tg.get(i)]
            nm.sort()
            pc.sort()
            out[cls] = {"accounts": len(accs), "positive": self.positive[accs[0]],
                        "minors_contacted_min_med_max": [nm[0], nm[len(nm) // 2], nm[-1]],
                        "mean_target_degree_pct_min_med_max": [round(pc[0], 3), round(pc[len(pc) // 2], 3), round(pc[-1], 3)] if pc else None,
                        "requests_accepted_by_minors_mean": round(sum(acc.get(i, 0) for i in accs) / len(accs), 1)}
        return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--accounts", type=int, default=20000)
    ap.add_argument("--days", type=int, default=21)
    a = ap.parse_args()
    t0 = time.time()
    w = World(a.seed, a.accounts, a.days)
    w.build()
    t1 = time.time()
    w.run()
    t2 = time.time()
    summ = w.summary()
    w.write(a.outdir)
    t3 = time.time()
    degs = sorted(w.deg0[i] for i in w.base_minors)
    info = {"seed": a.seed, "accounts": len(w.band), "days": a.days, "start": datetime.fromtimestamp(T0 / 1000, tz=timezone.utc).isoformat(),
            "params": {k: (round(v, 3) if isinstance(v, float) else v) for k, v in w.P.items()},
            "offender_counts": {k: v for k, v in w.oc.items()}, "ring_sizes": w.rings,
            "lookalike_counts": w.lc,
            "minor_degree_p50_p90_p99_max": [degs[len(degs) // 2], degs[int(len(degs) * .9)], degs[int(len(degs) * .99)], degs[-1]],
            "lines": w.n_lines, "dropped_after_window_or_deletion": w.dropped, "dropped_before_creation": w.early,
            "classes": summ, "seconds": {"build": round(t1 - t0, 1), "behaviour": round(t2 - t1, 1), "write": round(t3 - t2, 1)}}
    with open(os.path.join(a.outdir, "world_summary.json"), "w") as f:
        json.dump(info, f, indent=1)
    print(json.dumps(info, indent=1), file=sys.stderr)


if __name__ == "__main__":
    main()
