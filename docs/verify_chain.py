#!/usr/bin/env python3
"""Verifies the audit chains of an Incident Ledger export, without Incident Ledger.

    python3 verify_chain.py EXPORT.jsonl [--head INCIDENT=LINK ...]

EXPORT.jsonl is what `incident-ledger export` or GET /api/audit/export wrote. Every line's chain
link is recomputed from the line's own content and the previous line of its incident, exactly as
docs/audit-chain.md specifies; --head checks an incident's last link against one kept from earlier
(which pins every line before it). Prints one line per incident and one per broken line.

Exit status: 0 every chain holds, 1 a chain is broken, 2 usage error or unreadable file.
Needs only Python 3.8+ and its standard library.
"""
import argparse
import hashlib
import json
import re
import sys

GENESIS = "0" * 64
SEQUENCE = re.compile(r"0|[1-9][0-9]*")


class Number(str):
    """A JSON number kept exactly as written: 1.50 and 1.5 are different documents."""


def parse(text):
    def members(pairs):
        obj = {}
        for key, value in pairs:
            if key in obj:
                raise ValueError("duplicate member " + key)
            obj[key] = value
        return obj

    def refuse(name):
        raise ValueError("not JSON: " + name)

    return json.loads(text, object_pairs_hook=members, parse_int=Number, parse_float=Number,
                      parse_constant=refuse)


def canonical(value):
    """Members sorted by code point, no whitespace, minimal string escapes, numbers as written."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, Number):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ",".join(canonical(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ",".join(json.dumps(key, ensure_ascii=False) + ":" + canonical(value[key])
                              for key in sorted(value)) + "}"
    raise ValueError("no canonical JSON for " + repr(value))


def text_or_none(value):
    return value if type(value) is str else None


def link(previous, line):
    payload = line.get("payload")
    occurred_at = text_or_none(payload.get("occurredAt")) if isinstance(payload, dict) else None
    envelope = {
        "previous": previous,
        "incidentId": line.get("incidentId"),
        "sequenceNumber": line.get("sequenceNumber"),
        "type": line.get("type"),
        "revision": line.get("revision"),
        "occurredAt": occurred_at,
        "recordedAt": line.get("recordedAt"),
        "metadata": line.get("metadata"),
        "payload": payload,
    }
    return hashlib.sha256(canonical(envelope).encode("utf-8")).hexdigest(), occurred_at


def verify(lines, heads):
    """Yields report lines; the last item is True when every chain holds."""
    chains = {}  # incident -> [next sequence number, previous link, events, broken]
    intact = True
    for number, text in lines:
        if not text.strip():
            continue
        try:
            line = parse(text)
            incident = line["incidentId"]
            sequence = line["sequenceNumber"]
            if not isinstance(line, dict) or type(incident) is not str:
                raise ValueError("not an export line")
        except (ValueError, KeyError, TypeError) as e:
            yield "BROKEN line=%d reason=UNREADABLE detail=%s" % (number, e)
            intact = False
            continue
        chain = chains.setdefault(incident, [0, GENESIS, 0, False])
        chain[2] += 1
        problem = None
        recomputed, occurred_at = link(chain[1], line)
        if not isinstance(sequence, Number) or not SEQUENCE.fullmatch(sequence) or int(sequence) != chain[0]:
            problem = ("SEQUENCE_GAP", str(chain[0]), str(sequence))
        elif line.get("occurredAt") != occurred_at:
            problem = ("OCCURRED_AT_MISMATCH", str(occurred_at), str(line.get("occurredAt")))
        elif line.get("chain") != recomputed:
            problem = ("CHAIN_BROKEN", str(line.get("chain")), recomputed)
        if problem:
            yield "BROKEN %s sequence=%s line=%d reason=%s expected=%s actual=%s" % (
                incident, sequence, number, problem[0], problem[1], problem[2])
            chain[3] = True
            intact = False
        # The next line chains on the link this line claims, so every edited line shows, not just the first.
        chain[1] = line.get("chain") if type(line.get("chain")) is str else recomputed
        chain[0] = int(sequence) + 1 if isinstance(sequence, Number) and SEQUENCE.fullmatch(sequence) else chain[0] + 1
    for incident, head in heads.items():
        if incident not in chains:
            yield "BROKEN %s reason=MISSING_INCIDENT expected=%s actual=none" % (incident, head)
            intact = False
        elif chains[incident][1] != head:
            yield "BROKEN %s sequence=%d reason=HEAD_MISMATCH expected=%s actual=%s" % (
                incident, chains[incident][0] - 1, head, chains[incident][1])
            chains[incident][3] = True
            intact = False
    for incident in sorted(chains):
        next_sequence, head, events, broken = chains[incident]
        yield "%s %s events=%d head=%s" % ("BROKEN" if broken else "OK", incident, events, head)
    yield intact


def main(argv):
    parser = argparse.ArgumentParser(description="Verify the audit chains of an Incident Ledger export.")
    parser.add_argument("export", help="the export file (JSON Lines)")
    parser.add_argument("--head", action="append", default=[], metavar="INCIDENT=LINK",
                        help="the last link of an incident, kept from earlier; may be repeated")
    args = parser.parse_args(argv)
    heads = {}
    for item in args.head:
        incident, _, head = item.partition("=")
        if not re.fullmatch(r"[0-9a-f]{64}", head):
            parser.error("--head takes INCIDENT=LINK with LINK 64 lowercase hex digits: " + item)
        heads[incident] = head
    try:
        with open(args.export, encoding="utf-8") as f:
            lines = list(enumerate(f.read().split("\n"), start=1))
    except (OSError, UnicodeDecodeError) as e:
        print("cannot read %s: %s" % (args.export, e), file=sys.stderr)
        return 2
    intact = True
    for item in verify(lines, heads):
        if item is True or item is False:
            intact = item
        else:
            print(item)
    print("intact" if intact else "BROKEN")
    return 0 if intact else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
