#!/usr/bin/env python3
"""Writes seed inputs for one fuzz target from ../shared/vectors.

usage: seeds.py <target> <vectors-dir> <out-dir>

The vectors are read at run time, never copied into the repository. Packet
dumps (python-oracledb's PYO_DEBUG_PACKETS format) give whole TNS packets;
the payload .hex files give single message bodies.
"""
import os
import re
import sys

LINE = re.compile(r"^\d{4} : ((?:[0-9A-F]{2} ?)+)")


def packets_from_dump(path):
    """Yields (direction, bytes) for each packet of a PYO_DEBUG_PACKETS dump."""
    direction, buf = None, bytearray()
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if "Sending packet" in line or "Receiving packet" in line:
                if buf:
                    yield direction, bytes(buf)
                direction = "client" if "Sending" in line else "server"
                buf = bytearray()
                continue
            m = LINE.match(line)
            if m:
                buf.extend(bytes.fromhex(m.group(1).replace(" ", "")))
    if buf:
        yield direction, bytes(buf)


def dumps(vectors):
    root = os.path.join(vectors, "captures", "free23-python-oracledb")
    if not os.path.isdir(root):
        return []
    return [os.path.join(root, n) for n in sorted(os.listdir(root)) if n.endswith("_session.txt")]


def hex_payloads(vectors):
    root = os.path.join(vectors, "captures", "free23-python-oracledb")
    out = []
    if os.path.isdir(root):
        for n in sorted(os.listdir(root)):
            if n.endswith(".hex"):
                with open(os.path.join(root, n)) as f:
                    out.append((n, bytes.fromhex("".join(f.read().split()))))
    return out


def seeds_for(target, vectors):
    """Returns a list of seed byte strings for a fuzz target."""
    seeds = []
    if target == "fuzz_tns_assembler":
        # Two control bytes (chunk-size seed, maximum packet size class 0xff:
        # 65543 bytes), then one direction's byte stream as it crossed the wire.
        for path in dumps(vectors):
            packets = list(packets_from_dump(path))
            for side in ("server", "client"):
                stream = b"".join(p for d, p in packets if d == side)
                if stream:
                    seeds.append(b"\x07\xff" + stream[:65536])
    elif target in ("fuzz_reader", "fuzz_tns_packet"):
        for path in dumps(vectors):
            stream = b"".join(p for _, p in packets_from_dump(path))
            seeds.append(stream[:65536])
            seeds.extend(p for _, p in list(packets_from_dump(path))[:20])
    elif target.startswith("fuzz_ttc"):
        # DATA packet payloads past the 8-byte header and 2-byte data flags.
        for path in dumps(vectors):
            for _, p in packets_from_dump(path):
                if len(p) > 10 and p[4] == 6:
                    seeds.append(p[10:])
        seeds.extend(b for n, b in hex_payloads(vectors) if "response" in n)
    elif target.startswith("fuzz_types") or target.startswith("fuzz_number"):
        tsv = os.path.join(vectors, "datatypes", "oracle_dump_examples.tsv")
        if os.path.exists(tsv):
            with open(tsv) as f:
                for line in f:
                    if line.startswith("#"):
                        continue
                    cols = line.rstrip("\n").split("\t")
                    if len(cols) < 3:
                        continue
                    spec = cols[1]
                    try:
                        if spec.startswith("hex "):
                            data = bytes(int(x, 16) for x in spec[4:].split(","))
                        else:
                            data = bytes(int(x) for x in spec.split(","))
                    except ValueError:
                        continue
                    seeds.append(data)
    else:
        for path in dumps(vectors):
            for _, p in packets_from_dump(path):
                seeds.append(p)
    return seeds


def main():
    target, vectors, out = sys.argv[1:4]
    os.makedirs(out, exist_ok=True)
    seeds = seeds_for(target, vectors)
    for i, s in enumerate(seeds[:500]):
        with open(os.path.join(out, "vector-%04d" % i), "wb") as f:
            f.write(s)
    print("fuzz: %d seeds for %s from %s" % (min(len(seeds), 500), target, vectors))


if __name__ == "__main__":
    main()
