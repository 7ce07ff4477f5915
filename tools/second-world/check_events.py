#!/usr/bin/env python3
"""Sanity checks of an events.jsonl against the event contract (and the generator's own invariants)."""
import json, sys, collections
from datetime import datetime
BANDS = {"UNDER_13", "13_15", "16_17", "ADULT", "UNKNOWN"}
ACT = {"SENT", "ACCEPTED", "DECLINED", "CANCELLED", "REMOVED"}
REQ = {"profile": ["accountId", "updatedAt", "ageBand"],
       "friend_request": ["eventId", "occurredAt", "senderId", "recipientId", "action"],
       "message": ["eventId", "occurredAt", "senderId", "recipientId"]}
def ts(v): return datetime.fromisoformat(v.replace("Z", "+00:00")).timestamp()
bad = collections.Counter(); kinds = collections.Counter(); acts = collections.Counter()
ids = set(); last = -1e18; friends = set(); pending = set(); prof = {}; created = {}
for n, line in enumerate(open(sys.argv[1]), 1):
    e = json.loads(line); k = e["type"]; kinds[k] += 1
    if k not in REQ: bad["type"] += 1; continue
    if any(f not in e for f in REQ[k]): bad["missing"] += 1
    t = ts(e["updatedAt"] if k == "profile" else e["occurredAt"])
    if t < last: bad["order"] += 1
    last = t
    if k == "profile":
        if e["ageBand"] not in BANDS: bad["band"] += 1
        prof[e["accountId"]] = e; created[e["accountId"]] = ts(e["createdAt"])
        continue
    if e["eventId"] in ids: bad["dup_id"] += 1
    ids.add(e["eventId"])
    s, r = e["senderId"], e["recipientId"]
    if s not in prof or r not in prof: bad["unknown_account"] += 1
    if prof.get(s, {}).get("deleted") or prof.get(r, {}).get("deleted"): bad["after_delete"] += 1
    if s == r: bad["self"] += 1
    p = frozenset((s, r))
    if k == "friend_request":
        a = e["action"]; acts[a] += 1
        if a not in ACT: bad["action"] += 1
        if a == "SENT":
            if p in friends: bad["sent_to_friend"] += 1
            pending.add((s, r))
        elif a == "ACCEPTED":
            if p in friends: bad["accept_twice"] += 1
            if t >= ts("2026-02-09T00:00:00Z") and (s, r) not in pending: bad["accept_without_sent"] += 1
            pending.discard((s, r)); friends.add(p)
        elif a in ("DECLINED", "CANCELLED"):
            if (s, r) not in pending: bad[a.lower() + "_without_sent"] += 1
            pending.discard((s, r))
        elif a == "REMOVED":
            if p not in friends: bad["remove_non_friend"] += 1
            friends.discard(p)
print("lines by type", dict(kinds)); print("actions", dict(acts)); print("problems", dict(bad) or "none")
