#include "diff_compare.hpp"

#include <algorithm>
#include <map>
#include <sstream>

namespace oranet::test::diff {

// The fields oranet and node-oracledb may send differently, each with the
// reason. Everything else must be equal. Filled from the comparison itself:
// every entry names a difference that was observed and judged harmless.
const std::vector<mask>& masks() {
    static const std::vector<mask> table = {
        // --- who the client is (any value is right) --------------------------
        {"tns.CONNECT", "connect_data.DESCRIPTION.CONNECT_DATA.CID.PROGRAM", "the running program's name"},
        {"tns.CONNECT", "connect_data.DESCRIPTION.CONNECT_DATA.CID.HOST", "the client machine's name"},
        {"tns.CONNECT", "connect_data.DESCRIPTION.CONNECT_DATA.CID.USER", "the OS user"},
        {"tns.CONNECT", "CONNECT.connect_data_length", "follows from the masked connect data parts"},
        {"tns.CONNECT", "connect_data.DESCRIPTION.ADDRESS.PORT",
         "each client talks to its own recording proxy on its own free port"},
        {"tns.CONNECT", "connect_data.DESCRIPTION.ADDRESS.PROTOCOL",
         "\"tcp\" (python-oracledb, oranet) vs \"TCP\" (node): listeners compare it case-insensitively"},
        {"tns.CONNECT", "connect_data.DESCRIPTION.CONNECT_DATA.CONNECTION_ID",
         "node's random per-connection trace id (optional, for the listener log); oranet sends none yet"},
        {"ttc.protocol", "protocol_request.driver_name", "driver name (\"oranet\" vs \"node-oracledb\")"},
        {"ttc.auth_phase_one", "pair.AUTH_PROGRAM_NM.value", "the running program's name"},
        {"ttc.auth_phase_one", "pair.AUTH_MACHINE.value", "the client machine's name"},
        {"ttc.auth_phase_one", "pair.AUTH_PID.value", "the client process id"},
        {"ttc.auth_phase_one", "pair.AUTH_SID.value", "the OS user"},
        {"ttc.auth_phase_two", "pair.SESSION_CLIENT_DRIVER_NAME.value", "driver name and version text"},
        {"ttc.auth_phase_two", "pair.SESSION_CLIENT_VERSION.value", "driver version number"},
        {"ttc.auth_phase_two", "pair.AUTH_ALTER_SESSION.value",
         "the client's local UTC offset, and node writes it as TIME_ZONE ='-00:0' where python-oracledb "
         "(and oranet) write TIME_ZONE='+00:00' followed by a NUL"},
        // --- random per connection ---------------------------------------------
        {"ttc.auth_phase_two", "pair.AUTH_SESSKEY.value", "the client's random session key, encrypted"},
        {"ttc.auth_phase_two", "pair.AUTH_PASSWORD.value", "the password encrypted after a random salt"},
        {"ttc.auth_phase_two", "pair.AUTH_PBKDF2_SPEEDY_KEY.value",
         "a random salt and the derived key, encrypted"},
        // --- where the two official clients differ; oranet sends what ---------
        // --- python-oracledb sends, which real servers accept as well ---------
        {"tns.CONNECT", "CONNECT.protocol_characteristics", "python-oracledb's 0x4f98; node sends 0x130e"},
        {"tns.CONNECT", "CONNECT.nsi_flags0",
         "python-oracledb's 0x84 (NA disabled, security renegotiation); node sends 0x08 (no NA services)"},
        {"tns.CONNECT", "CONNECT.nsi_flags1", "as nsi_flags0"},
        {"tns.CONNECT", "CONNECT.tdu16", "the TDU: node asks for its maximum (2 MB), oranet for the SDU"},
        {"tns.CONNECT", "CONNECT.tdu", "as tdu16"},
        {"tns.DATA*", "data_flags",
         "node sets END_OF_REQUEST (0x0800) on every request even when not negotiated (PEER-NOTES 8)"},
        {"ttc.auth_phase_one", "auth_request.auth_mode",
         "node adds WITH_PASSWORD (0x100) in phase one already; python-oracledb only in phase two"},
        {"ttc.auth_phase_one", "auth_request.out_pointer", "node writes 0 in phase one, python-oracledb 1"},
        // The capability offer: oranet offers python-oracledb's compile and
        // runtime caps (caps.hpp client_profile), node its own. Each bit:
        {"ttc.data_types", "compile_caps.length", "python-oracledb offers 55 compile caps, node 53"},
        {"ttc.data_types", "compile_caps[40]",
         "TTC4: python-oracledb and oranet add EXPLICIT_BOUNDARY (0x40, request boundaries for implicit "
         "pooling)"},
        {"ttc.data_types", "compile_caps[45]",
         "FEATURE_BACKPORT2: node adds TXN_PRIORITY_ALTSESS (0x01), a transaction-priority feature oranet "
         "does not support"},
        {"ttc.data_types", "compile_caps[53]", "beyond node's 53 compile caps (0)"},
        {"ttc.data_types", "compile_caps[54]",
         "TTC6: python-oracledb and oranet offer HA_READINESS (0x04); node's array stops before it"},
        {"ttc.data_types", "runtime_caps.length", "python-oracledb offers 11 runtime caps, node 7"},
        {"ttc.data_types", "runtime_caps[7]", "beyond node's 7 runtime caps (0)"},
        {"ttc.data_types", "runtime_caps[8]", "beyond node's 7 runtime caps (0)"},
        {"ttc.data_types", "runtime_caps[9]", "beyond node's 7 runtime caps (0)"},
        {"ttc.data_types", "runtime_caps[10]", "beyond node's 7 runtime caps (0)"},
        {"ttc.data_types", "runtime_caps[1]",
         "RCAP TZ: node sets TZ_EX (the time zone travels in TTIDTY); python-oracledb and oranet do not"},
        {"ttc.data_types", "time_zone", "present only with TZ_EX (runtime_caps[1])"},
        {"ttc.data_types", "row.668", "data type 668 (ALTSESS) that node lists for TXN_PRIORITY_ALTSESS"},
        // --- OUT bind sizes ------------------------------------------------------
        {"ttc.execute", "execute.bind.buffer_size",
         "an OUT NUMBER bind without a size: node declares every OUT bind at its default maxSize (200), "
         "python-oracledb and oranet at the type's size (22)",
         "22", "200"},
        {"ttc.execute", "execute.bind.buffer_size",
         "a REF CURSOR OUT bind: node declares its default maxSize (200), python-oracledb and oranet the "
         "cursor type's size (4)",
         "4", "200"},
        // --- fetch batching ----------------------------------------------------
        {"ttc.fetch", "rows",
         "the first fetch after the 2 prefetched rows: node asks for arraysize minus the rows it still "
         "holds (10 - 2), python-oracledb and oranet fetch when the buffer is empty and ask for arraysize; "
         "the later fetches (10 each) are compared",
         "10", "8"},
    };
    return table;
}

namespace {

bool matches(std::string_view pattern, std::string_view s) {
    if (!pattern.empty() && pattern.back() == '*')
        return s.starts_with(pattern.substr(0, pattern.size() - 1));
    return pattern == s;
}

const mask* find_mask(const std::vector<mask>& masks, std::string_view kind, std::string_view path,
                      std::string_view ours, std::string_view theirs) {
    for (const auto& m : masks) {
        if (!matches(m.kind, kind) || !matches(m.path, path)) continue;
        if (!m.ours.empty() && (m.ours != ours || m.theirs != theirs)) continue;
        return &m;
    }
    return nullptr;
}

std::vector<const wire_message*> kept(const std::vector<wire_message>& v, const std::vector<mask>& masks) {
    std::vector<const wire_message*> out;
    for (const auto& m : v) {
        const bool whole = std::any_of(masks.begin(), masks.end(), [&](const mask& k) {
            return k.path == "*" && matches(k.kind, m.kind);
        });
        if (!whole) out.push_back(&m);
    }
    return out;
}

}  // namespace

diff_report compare(const std::vector<wire_message>& ours, const std::vector<wire_message>& theirs,
                    const std::vector<mask>& masks) {
    diff_report r;
    std::ostringstream diffs;
    std::ostringstream masked;
    const auto a        = kept(ours, masks);
    const auto b        = kept(theirs, masks);
    const std::size_t n = std::max(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
        if (i >= a.size() || i >= b.size()) {
            ++r.differences;
            diffs << "message #" << i << ": only " << (i >= a.size() ? "node-oracledb" : "oranet")
                  << " sends " << describe(i >= a.size() ? *b[i] : *a[i]) << "\n";
            continue;
        }
        const wire_message& x = *a[i];
        const wire_message& y = *b[i];
        if (x.kind != y.kind) {
            ++r.differences;
            diffs << "message #" << i << ": oranet sends " << x.kind << ", node-oracledb " << y.kind
                  << "\n  oranet " << describe(x) << "\n  node " << describe(y) << "\n";
            continue;
        }
        r.kinds_compared.insert(x.kind);
        // The union of both field lists, in oranet's order then node's extras.
        std::vector<std::string> paths;
        for (const auto& f : x.fields)
            paths.push_back(f.path);
        for (const auto& f : y.fields)
            if (x.find(f.path) == nullptr) paths.push_back(f.path);
        for (const auto& p : paths) {
            const wire_field* fx = x.find(p);
            const wire_field* fy = y.find(p);
            ++r.fields_compared;
            const std::string vx = fx ? fx->value : std::string("(absent)");
            const std::string vy = fy ? fy->value : std::string("(absent)");
            if (vx == vy) continue;
            if (const mask* m = find_mask(masks, x.kind, p, vx, vy)) {
                masked << "  masked #" << i << " " << x.kind << " " << p << ": oranet " << vx << ", node "
                       << vy << " (" << m->reason << ")\n";
                continue;
            }
            ++r.differences;
            diffs << "message #" << i << " " << x.kind << " " << p << ": oranet " << vx << ", node-oracledb "
                  << vy << "\n";
        }
    }
    r.text = diffs.str() + "masked differences:\n" + masked.str();
    return r;
}

}  // namespace oranet::test::diff
