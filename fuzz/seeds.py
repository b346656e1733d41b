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
    if target == "fuzz_client_session":
        # One chunk-size byte (64-byte reads), then everything a real server
        # sent in one session: ACCEPT, negotiation, auth, calls.
        for path in dumps(vectors):
            stream = b"".join(p for d, p in packets_from_dump(path) if d == "server")
            seeds.append(bytes([63]) + stream)
        return seeds
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
    elif target in ("fuzz_ttc_reply", "fuzz_ttc_execute_request"):
        # One control byte picking the caps (0x1f: field version 23.4, OAC
        # and OER listed / CONV_LENGTH and 32k strings), then one DATA
        # payload of the 23ai dumps: the server's for replies, the client's
        # for requests.
        side = "server" if target == "fuzz_ttc_reply" else "client"
        for path in dumps(vectors):
            for d, p in packets_from_dump(path):
                if d == side and len(p) > 10 and p[4] == 6:
                    seeds.append(b"\x1f" + p[10:])
    elif target in ("fuzz_ttc_handshake_requests", "fuzz_ttc_handshake_replies"):
        # One selector byte (its value mod 5 picks the decoder: protocol,
        # data types, auth, fast auth, ANO; bit 3 and bit 4 pick the caps),
        # then one handshake message of the 23ai dump / the 18c .hex files.
        import struct
        requests = target.endswith("requests")
        dump = os.path.join(vectors, "captures", "free23-python-oracledb", "fetch_df_session.txt")
        if os.path.exists(dump):
            ops = [p for _, p in packets_from_dump(dump)]
            if requests and len(ops) > 5:
                fast_auth = ops[3][10:]
                name_end = fast_auth.index(b"\x00", 7)
                seeds.append(b"\x03" + fast_auth)                    # fast auth, field version 19.1
                seeds.append(b"\x00" + fast_auth[4:name_end + 1])    # its protocol request
                seeds.append(b"\x01" + fast_auth[name_end + 7:])     # its data types request (and more)
                seeds.append(b"\x0c" + ops[5][10:])                  # auth phase two at 23.4
            elif not requests and len(ops) > 6:
                seeds.append(b"\x03" + ops[4][10:])                  # fast auth reply
                seeds.append(b"\x02" + ops[6][10:])                  # auth phase two reply
        if not requests:
            kinds = {"protocol_negotiation": 0, "data_types": 1, "auth_phase": 2}
            for n, b in hex_payloads(vectors):
                for k, sel in kinds.items():
                    if k in n and "response" in n:
                        seeds.append(bytes([sel]) + b)

        def sub(t, data):
            return struct.pack(">HH", len(data), t) + data

        def service(sid, subs):
            return struct.pack(">HHI", sid, len(subs), 0) + b"".join(subs)

        ver = sub(5, struct.pack(">I", 0x0B200200))
        svcs = [
            service(4, [ver, sub(1, bytes(8)), sub(1, struct.pack(">IHI4H", 0xDEADBEEF, 3, 4, 4, 1, 2, 3))]),
            service(1, [ver, sub(3, b"\xe0\xe1"), sub(6, b"\xfc\xff")]),
            service(2, [ver, sub(1, b"\x00")]),
            service(3, [ver, sub(1, b"\x00")]),
        ]
        body = b"".join(svcs)
        seeds.append(b"\x04" + struct.pack(">IHIHB", 0xDEADBEEF, 13 + len(body), 0x0B200200, 4, 0) + body)
    elif target.startswith("fuzz_ttc"):
        # DATA packet payloads past the 8-byte header and 2-byte data flags.
        for path in dumps(vectors):
            for _, p in packets_from_dump(path):
                if len(p) > 10 and p[4] == 6:
                    seeds.append(p[10:])
        seeds.extend(b for n, b in hex_payloads(vectors) if "response" in n)
    elif target.startswith("fuzz_types") or target.startswith("fuzz_number"):
        # Oracle DUMP() examples. fuzz_types_decode takes a selector byte
        # first (an index into its type table: 1 NUMBER, 5 DATE, 13 TIMESTAMP);
        # fuzz_number_text takes the decoded NUMBER texts.
        selector = {"NUMBER": 1, "DATE(Typ=12)": 5, "TIMESTAMP(Typ=180)": 13}
        tsv = os.path.join(vectors, "datatypes", "oracle_dump_examples.tsv")
        if os.path.exists(tsv):
            with open(tsv) as f:
                for line in f:
                    if line.startswith("#"):
                        continue
                    cols = line.rstrip("\n").split("\t")
                    if len(cols) < 3 or cols[0] not in selector:
                        continue
                    spec = cols[1]
                    try:
                        if spec.startswith("hex "):
                            data = bytes(int(x, 16) for x in spec[4:].split(","))
                        else:
                            data = bytes(int(x) for x in spec.split(","))
                    except ValueError:
                        continue
                    if target.startswith("fuzz_number_text"):
                        if cols[0] == "NUMBER":
                            seeds.append(cols[2].encode())
                    elif target.startswith("fuzz_types_decode"):
                        seeds.append(bytes([selector[cols[0]]]) + data)
                    else:
                        seeds.append(data)
        if target.startswith("fuzz_number_text"):
            seeds.extend([b"-1.5E-3", b"~", b"-~", b"9.99e125", b"1e-130", b".5", b"+7"])
    elif target in ("fuzz_easy_connect", "fuzz_connect_descriptor", "fuzz_tnsnames"):
        # Connect strings: the descriptors the clients sent in their CONNECT
        # packets (and the listeners' REFUSE/REDIRECT texts), plus a few
        # hand-written strings of each form.
        descriptors = []
        for path in dumps(vectors):
            for _, p in packets_from_dump(path):
                at = p.find(b"(DESCRIPTION")
                if at >= 0:
                    descriptors.append(p[at:].split(b"\x00")[0])
        descriptors += [
            b"(DESCRIPTION_LIST=(LOAD_BALANCE=on)(DESCRIPTION=(RETRY_COUNT=2)(RETRY_DELAY=250ms)"
            b"(ADDRESS_LIST=(ADDRESS=(PROTOCOL=tcp)(HOST=a)(PORT=1521))(ADDRESS=(PROTOCOL=tcps)(HOST=b)(PORT=2484)))"
            b"(CONNECT_DATA=(SERVICE_NAME=s)(SERVER=pooled)(FAILOVER_MODE=(TYPE=select)))"
            b"(SECURITY=(SSL_SERVER_CERT_DN=\"CN=b\")))(DESCRIPTION=(ADDRESS=(HOST=c))))",
        ]
        easy = [
            b"db.example.com:1522/FREEPDB1",
            b"tcps://h1,h2:2484;[::1]:1600/svc:dedicated/inst?connect_timeout=5ms&retry_count=2"
            b"&wallet_location=\"/w\"&pyo.x=1&sdu=16384",
        ]
        if target == "fuzz_connect_descriptor":
            seeds += descriptors
        elif target == "fuzz_easy_connect":
            seeds += easy
        else:
            seeds.append(b"# tnsnames.ora\nA, B.WORLD =\n  (DESCRIPTION = # c\n    " + descriptors[-1] +
                         b"\n  )\nez = " + easy[0] + b"\nIFILE = \"other.ora\"\n")
    elif target == "fuzz_tls_dn":
        seeds += [b"CN=db.example,O=Example", b" o = Example , cn=db.example ", b"CN=a=b,OU=,DC=x,",
                  b"CN=\xc3\xa9t\xc3\xa9,C=FR"]
    elif target == "fuzz_proxy_reply":
        seeds += [b"HTTP/1.1 200 Connection established\r\n\r\n", b"HTTP/1.0 403 Forbidden\r\nVia: p\r\n\r\n",
                  b"HTTP/1.1 407\n\n", b"SSH-2.0-x\r\n"]
    elif target == "fuzz_lob_op":
        # Byte 0 picks the decoder (0 request, 1 reply, 2 piggyback), byte 1
        # the reply shape or the locator length; then the body.
        loc = bytes(range(40))
        read_req = (b"\x01\x01\x28\x00\x00\x00\x00\x00\x00\x00\x01\x02\x00\x00\x01\x01\x00\x01"
                    + bytes(6) + loc + b"\x02\x1f\xc4")
        write_req = (b"\x01\x01\x28\x00\x00\x00\x00\x00\x00\x00\x01\x40\x00\x00\x01\x01\x00\x00"
                     + bytes(6) + loc + b"\x0e\x04\x00a\x00b")
        seeds += [b"\x00\x00" + read_req, b"\x00\x00" + write_req,
                  b"\x01\x80" + b"\x0e\x02\x00a" + b"\x08" + b"\x01\x04",
                  b"\x01\x40" + b"\x08" + loc[:8] + b"\x01\x04",
                  b"\x02\x27" + b"\x01\x01\x50" + bytes(8) + b"\x03\x08\x01\x11" + bytes(5)
                  + bytes(6) + loc + loc]
    elif target == "fuzz_pcap":
        # oranet dump's inputs: each session dump as its text (first packets
        # only, to keep seeds small) and as a pcap of the same packets.
        for path in dumps(vectors):
            with open(path, "rb") as f:
                seeds.append(f.read(6000))
            seeds.append(pcap_of(list(packets_from_dump(path))[:12]))
    else:
        for path in dumps(vectors):
            for _, p in packets_from_dump(path):
                seeds.append(p)
    return seeds


def pcap_of(packets):
    """A little-endian pcap (Ethernet, IPv4, TCP; no checksums) carrying
    (direction, bytes) packets between 10.0.0.1:40000 and 10.0.0.2:1521."""
    import struct
    out = bytearray(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
    seq = {"client": 1000, "server": 5000}
    for direction, payload in packets:
        src, dst = (1, 2) if direction == "client" else (2, 1)
        sport, dport = (40000, 1521) if direction == "client" else (1521, 40000)
        other = "server" if direction == "client" else "client"
        tcp = struct.pack(">HHIIBBHHH", sport, dport, seq[direction], seq[other], 0x50, 0x18, 65535, 0, 0)
        ip = struct.pack(">BBHHHBBH4s4s", 0x45, 0, 20 + len(tcp) + len(payload), 0, 0x4000, 64, 6, 0,
                         bytes([10, 0, 0, src]), bytes([10, 0, 0, dst]))
        frame = bytes(6) + bytes(6) + b"\x08\x00" + ip + tcp + payload
        out += struct.pack("<IIII", 0, 0, len(frame), len(frame)) + frame
        seq[direction] += len(payload)
    return bytes(out)


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
