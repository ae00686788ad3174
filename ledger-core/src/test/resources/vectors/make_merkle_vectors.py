#!/usr/bin/env python3
"""Writes merkle-sha256.json and merkle-sm3.json: known-answer vectors for the log's Merkle tree (RFC 9162 s. 2.1).

The eight leaves and the SHA-256 answers under PUBLISHED are the test vectors of the certificate-transparency
reference implementations (RFC 6962), as written in transparency-dev/merkle, proof/verify_test.go (variables
`leaves`, `roots`, `inclusionProofs`, `consistencyProofs`; its inclusion vectors number leaves from 1, here from 0).
This script recomputes every answer from the RFC's recursive definitions (MTH, PATH, PROOF/SUBPROOF) with hashlib,
asserts that the SHA-256 results equal the published ones, and writes the full tables (every root, every inclusion
proof and every consistency proof of trees up to 8 leaves) for SHA-256 and for SM3 (for which nothing is published).

Run from this directory:  python3 make_merkle_vectors.py   (Python >= 3.9 with OpenSSL 3 for SM3)
"""
import base64
import hashlib
import json

LEAVES = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"]

PUBLISHED = {
    "emptyRoot": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    # roots[i] is the root of the first i+1 leaves
    "roots": [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ],
    "inclusion": [
        {"leafIndex": 0, "treeSize": 1, "proof": []},
        {"leafIndex": 0, "treeSize": 8, "proof": [
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]},
        {"leafIndex": 5, "treeSize": 8, "proof": [
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]},
        {"leafIndex": 2, "treeSize": 3, "proof": [
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"]},
        {"leafIndex": 1, "treeSize": 5, "proof": [
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]},
    ],
    "consistency": [
        {"first": 1, "second": 1, "proof": []},
        {"first": 1, "second": 8, "proof": [
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]},
        {"first": 6, "second": 8, "proof": [
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]},
        {"first": 2, "second": 5, "proof": [
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]},
        {"first": 6, "second": 7, "proof": [
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]},
    ],
}


def h(name, data):
    return hashlib.new(name, data).digest()


def mth(name, d):
    n = len(d)
    if n == 0:
        return h(name, b"")
    if n == 1:
        return h(name, b"\x00" + d[0])
    k = 1
    while k * 2 < n:
        k *= 2
    return h(name, b"\x01" + mth(name, d[:k]) + mth(name, d[k:]))


def path(name, m, d):
    n = len(d)
    if n <= 1:
        return []
    k = 1
    while k * 2 < n:
        k *= 2
    if m < k:
        return path(name, m, d[:k]) + [mth(name, d[k:])]
    return path(name, m - k, d[k:]) + [mth(name, d[:k])]


def subproof(name, m, d, b):
    n = len(d)
    if m == n:
        return [] if b else [mth(name, d)]
    k = 1
    while k * 2 < n:
        k *= 2
    if m <= k:
        return subproof(name, m, d[:k], b) + [mth(name, d[k:])]
    return subproof(name, m - k, d[k:], False) + [mth(name, d[:k])]


def hexes(hashes):
    return [x.hex() for x in hashes]


def tables(name):
    d = [bytes.fromhex(x) for x in LEAVES]
    return {
        "leafHashes": [h(name, b"\x00" + x).hex() for x in d],
        "emptyRoot": mth(name, []).hex(),
        "roots": [mth(name, d[:n]).hex() for n in range(1, 9)],
        "inclusion": [{"leafIndex": i, "treeSize": n, "proof": hexes(path(name, i, d[:n]))}
                      for n in range(1, 9) for i in range(n)],
        "consistency": [{"first": m, "second": n, "proof": hexes(subproof(name, m, d[:n], True))}
                        for n in range(1, 9) for m in range(1, n)],
    }


def check_published(computed):
    assert computed["emptyRoot"] == PUBLISHED["emptyRoot"]
    assert computed["roots"] == PUBLISHED["roots"]
    for v in PUBLISHED["inclusion"]:
        got = [c for c in computed["inclusion"] if c["leafIndex"] == v["leafIndex"] and c["treeSize"] == v["treeSize"]]
        assert got[0]["proof"] == v["proof"], v
    for v in PUBLISHED["consistency"]:
        if v["first"] == v["second"]:
            continue
        got = [c for c in computed["consistency"] if c["first"] == v["first"] and c["second"] == v["second"]]
        assert got[0]["proof"] == v["proof"], v


def write(file, algorithm, name, published):
    computed = tables(name)
    doc = {
        "description": "RFC 9162 section 2.1 Merkle tree over the 8 leaves of the RFC 6962 reference test vectors; "
                       "hashes are hex. Written by make_merkle_vectors.py.",
        "hashAlgorithm": algorithm,
        "leaves": LEAVES,
        **computed,
    }
    if published:
        check_published(computed)
        doc["published"] = dict(PUBLISHED, source="transparency-dev/merkle proof/verify_test.go: the RFC 6962 "
                                                  "test vectors of the certificate-transparency reference code")
    with open(file, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=2)
        f.write("\n")


write("merkle-sha256.json", "SHA-256", "sha256", True)
write("merkle-sm3.json", "SM3", "sm3", False)
