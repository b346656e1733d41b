// The emulator's reader of the set-end-to-end-attributes piggyback (135).
// Bytes are built with our writer in the layout python-oracledb
// (_write_end_to_end_piggyback) and node-oracledb 26
// (_writeEndToEndPiggybacks) send after the function header.
#include "emulate/requests.hpp"

#include <oranet/proto/writer.hpp>

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

using namespace oranet;
using namespace oranet::emulate;

namespace {

struct slot {
    bool present = false;
    std::string text;
};

// Nine headers: identifier, module, action, ECID, cidcct/cidecs, client
// info, two unused, DBOP. `zero_for_empty` mimics newer python-oracledb,
// which writes an announced empty text as a lone zero length byte; `raw`
// mimics python-oracledb 1.2.1 (no CONV_LENGTH: texts without a length).
std::vector<std::uint8_t> build(std::uint32_t flags, const std::vector<slot>& s, bool zero_for_empty,
                                bool raw = false) {
    proto::writer w;
    w.u8(0);
    w.u8(0);
    w.ub4(flags);
    for (const auto& x : s) {
        w.u8(x.present ? 1 : 0);
        w.ub4(static_cast<std::uint32_t>(x.text.size()));
    }
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (i == 4 || !s[i].present) continue;
        if (!s[i].text.empty() && raw) {
            w.bytes(s[i].text);
        } else if (!s[i].text.empty()) {
            w.bytes_with_length(s[i].text);
        } else if (zero_for_empty) {
            w.u8(0);
        }
    }
    const auto d = w.data();
    return std::vector<std::uint8_t>(d.begin(), d.end());
}

std::vector<slot> slots() { return std::vector<slot>(9); }

const proto::ttc::caps conv_length_caps{};  // CONV_LENGTH is on by default

proto::ttc::caps raw_caps() {
    proto::ttc::caps c;
    c.encoding_flags = proto::ttc::caps{}.encoding_flags & ~proto::ttc::encoding_conv_length;
    return c;
}

}  // namespace

TEST_CASE("end-to-end piggyback: identifier, module and action as node-oracledb sends them") {
    auto s = slots();
    s[0]   = {true, "ident-1"};
    s[1]   = {true, "mod-1"};
    s[2]   = {true, "act-1"};
    auto b = build(0x0001 | 0x0008 | 0x0010, s, false);
    b.push_back(3);  // the function message that follows
    proto::reader r(b);
    end_to_end_attrs a;
    REQUIRE_FALSE(decode_end_to_end(r, conv_length_caps, a));
    CHECK(a.client_identifier == std::optional<std::string>("ident-1"));
    CHECK(a.module == std::optional<std::string>("mod-1"));
    CHECK(a.action == std::optional<std::string>("act-1"));
    CHECK_FALSE(a.client_info.has_value());
    CHECK(r.remaining() == 1);
    CHECK(r.peek() == 3);
}

TEST_CASE("end-to-end piggyback: an empty text clears in both clients' layouts") {
    for (bool python : {false, true}) {
        auto s = slots();
        s[1]   = {true, ""};           // module cleared
        s[5]   = {true, "info"};       // client info set
        s[8]   = {true, "dbop-name"};  // DBOP: read and ignored
        auto b = build(0x0008 | 0x0100 | 0x0200, s, python);
        b.push_back(17);  // another piggyback follows
        proto::reader r(b);
        end_to_end_attrs a;
        REQUIRE_FALSE(decode_end_to_end(r, conv_length_caps, a));
        CHECK(a.module == std::optional<std::string>(""));
        CHECK(a.client_info == std::optional<std::string>("info"));
        CHECK_FALSE(a.client_identifier.has_value());
        CHECK_FALSE(a.action.has_value());
        CHECK(r.remaining() == 1);
    }
}

TEST_CASE("end-to-end piggyback: python-oracledb 1.2.1 sends the texts without lengths") {
    auto s = slots();
    s[0]   = {true, "ab"};
    s[2]   = {true, "act-9"};
    auto b = build(0x0001 | 0x0010, s, false, true);
    b.push_back(3);
    proto::reader r(b);
    end_to_end_attrs a;
    REQUIRE_FALSE(decode_end_to_end(r, raw_caps(), a));
    CHECK(a.client_identifier == std::optional<std::string>("ab"));
    CHECK(a.action == std::optional<std::string>("act-9"));
    CHECK_FALSE(a.module.has_value());
    CHECK(r.remaining() == 1);
}

TEST_CASE("end-to-end piggyback: every strict prefix is truncated") {
    auto s       = slots();
    s[0]         = {true, "ident"};
    s[2]         = {true, "act"};
    const auto b = build(0x0001 | 0x0010, s, false);
    for (std::size_t n = 0; n < b.size(); ++n) {
        proto::reader r(proto::bytes_view(b.data(), n));
        end_to_end_attrs a;
        INFO("prefix " << n);
        CHECK(proto::is_truncated(decode_end_to_end(r, conv_length_caps, a)));
    }
}
