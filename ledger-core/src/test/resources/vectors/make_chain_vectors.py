#!/usr/bin/env python3
"""Writes chain-sha256.json and chain-sm3.json: known-answer vectors for docs/hash-chain.md.

Independent of the Java code: the canonical form is built here from the specification with Python's json module
(member names sorted by UTF-16 code units, no whitespace, ensure_ascii=False, whose string escaping is RFC 8785's),
hashed with hashlib, and every hash is checked against OpenSSL (`openssl dgst -sha256` / `openssl dgst -sm3`).

Run from this directory:  python3 make_chain_vectors.py
"""
import hashlib
import json
import subprocess

TAG = b"eco-ledger/entry/v1\n"
MAX_SAFE_INTEGER = 2**53 - 1

AGGREGATE_TYPE = "Official"
AGGREGATE_ID = "official-130300-0007"

EVENTS = [
    dict(globalIndex=17, eventId="7d0c3f6e-2a51-4c1e-9f0b-3f4b8f2d6a10",
         payloadType="org.ecoledger.core.record.PostAssumedEvent", payloadRevision="1",
         timestamp="2024-03-05T09:30:00Z",
         payload={"officialId": "official-130300-0007", "postId": "post-130300-party-secretary",
                  "jurisdiction": "130300", "role": "PARTY_SECRETARY", "responsibility": "OVERALL",
                  "title": "秦皇岛市委书记", "effectiveFrom": "2024-03-05"},
         metadata={"recorder": "leading-group-office", "correlationId": "c-0001", "traceId": "t-0001"}),
    dict(globalIndex=18, eventId="0b9e5d4c-8f7a-4e21-b3c6-5a1d2e3f4a5b",
         payloadType="org.ecoledger.core.record.ResponsibilityLetterSignedEvent", payloadRevision="1",
         timestamp="2024-03-05T09:30:00Z",
         payload={"year": 2024, "keyTasks": ["PM2.5 年均浓度下降 5%", "入海河流消除劣Ⅴ类水体"],
                  "signedBy": ["PARTY_SECRETARY", "GOVERNMENT_HEAD"], "countersigned": True, "note": None},
         metadata={"recorder": "leading-group-office", "correlationId": "c-0001", "traceId": "t-0001"}),
    dict(globalIndex=25, eventId="e4f1a2b3-c4d5-4e6f-8a9b-0c1d2e3f4a5b",
         payloadType="org.ecoledger.core.record.MeetingHeldEvent", payloadRevision=None,
         timestamp="2024-04-10T02:15:07.123Z",
         payload={"kind": "STANDING_COMMITTEE", "date": "2024-04-10", "attendees": 11, "delta": -3,
                  "largest": MAX_SAFE_INTEGER, "smallest": -MAX_SAFE_INTEGER,
                  "minutes": "议题一：研究生态环境保护工作\n议题二：\t部署\u2028整改",
                  "basis": "\"003\" Art. 10 \\ 每季度至少一次", "controls": "\u0000\u0001\b\f\r\u001f\u007f",
                  "emoji": "🌊", "labels": {"z": 1, "é": 2, "😀": 3, "ﬁ": 4}, "empty": {}, "none": []},
         metadata={}),
    dict(globalIndex=40, eventId="5f6e7d8c-9b0a-4c1d-8e2f-3a4b5c6d7e8f",
         payloadType="org.ecoledger.core.record.SummonsIssuedEvent", payloadRevision="1",
         timestamp="2024-06-30T16:00:00.000000001Z",
         payload={"reason": "未完成季度带队检查", "rule": "QHD-2018/11", "summonedBy": "organization-department",
                  "deadlineDays": 30},
         metadata={"recorder": "organization-department", "correlationId": "c-0003"}),
]


def jcs(value):
    """RFC 8785 for objects, arrays, strings, booleans, null and integers within +-(2^53-1)."""
    if isinstance(value, dict):
        names = sorted(value, key=lambda name: name.encode("utf-16-be"))  # UTF-16 code-unit order
        return "{" + ",".join(jcs(name) + ":" + jcs(value[name]) for name in names) + "}"
    if isinstance(value, list):
        return "[" + ",".join(jcs(item) for item in value) + "]"
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, int):
        assert -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # escapes " \ \b \f \n \r \t and other C0 as \u00xx (lowercase)
    raise TypeError(type(value))


def openssl(algorithm, data):
    out = subprocess.run(["openssl", "dgst", "-" + algorithm, "-r"], input=data, capture_output=True, check=True)
    return out.stdout.split()[0].decode()


def build(algorithm_id, hashlib_name, openssl_name):
    prev = "0" * 64
    entries = []
    for sequence, event in enumerate(EVENTS):
        hashed = dict(scheme=1, aggregateType=AGGREGATE_TYPE, aggregateId=AGGREGATE_ID, sequence=sequence,
                      prevHash=prev, **event)
        canonical = TAG + jcs(hashed).encode("utf-8")
        digest = hashlib.new(hashlib_name, canonical).hexdigest()
        assert digest == openssl(openssl_name, canonical), "hashlib and OpenSSL disagree"
        entries.append(dict(sequence=sequence, **event, prevHash=prev,
                            canonical=canonical.decode("utf-8"), hash=digest))
        prev = digest
    return {
        "description": "Known-answer vectors for the eco-ledger hash chain (docs/hash-chain.md): one record of "
                       + str(len(entries)) + " entries. 'canonical' is the exact text hashed (UTF-8), tag line "
                       "included; 'hash' is its digest in lowercase hex.",
        "producedBy": "make_chain_vectors.py in this directory: canonical form built independently with Python "
                      "3's json module, hashed with hashlib." + algorithm_id.replace("-", "").lower()
                      + " and cross-checked with `openssl dgst -" + openssl_name + "` (OpenSSL 3).",
        "hashAlgorithm": algorithm_id,
        "aggregateType": AGGREGATE_TYPE,
        "aggregateId": AGGREGATE_ID,
        "genesis": "0" * 64,
        "entries": entries,
        "headHash": prev,
    }


for file, algorithm_id, hashlib_name, openssl_name in [("chain-sha256.json", "SHA-256", "sha256", "sha256"),
                                                       ("chain-sm3.json", "SM3", "sm3", "sm3")]:
    with open(file, "w", encoding="utf-8", newline="\n") as out:
        json.dump(build(algorithm_id, hashlib_name, openssl_name), out, ensure_ascii=False, indent=2)
        out.write("\n")
    print("wrote", file)
