// server_session faces untrusted bytes: random input and corrupted copies of
// a valid connect and call sequence must never crash it (run under ASan and
// UBSan by the sanitizer suite); the session either answers or closes.
#include "emulate/server_context.hpp"
#include "emulate/server_session.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

using namespace oranet::emulate;

namespace {

std::vector<std::uint8_t> valid_prefix() {
    const std::string cd = "(DESCRIPTION=(CONNECT_DATA=(SERVICE_NAME=FREEPDB1)))";
    std::vector<std::uint8_t> p(74, 0);
    p[8]  = 0x01;
    p[9]  = 0x3e;  // 318
    p[15] = 0x20;
    p[24] = 0;
    p[25] = static_cast<std::uint8_t>(cd.size());
    p[27] = 74;
    p.insert(p.end(), cd.begin(), cd.end());
    p[1] = static_cast<std::uint8_t>(p.size());
    p[4] = 1;
    // then a protocol request, a data types request and an execute, each in
    // a large-SDU DATA packet
    const std::vector<std::vector<std::uint8_t>> calls = {
        {1, 6, 0, 'x', 0},
        {2, 0x69, 3, 0x69, 3, 1, 8, 6, 0, 0, 0, 0, 0, 0, 13, 1, 2, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0},
        {3, 94, 2, 1, 0x21, 0, 1, 1, 22, 1, 1, 13, 0, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0,
         0, 0,  0, 0, 0,    0, 0, 1, 0,  0, 0, 0,  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}};
    for (const auto& c : calls) {
        std::vector<std::uint8_t> d = {0, 0, 0, static_cast<std::uint8_t>(c.size() + 10), 6, 0, 0, 0, 0, 0};
        d.insert(d.end(), c.begin(), c.end());
        p.insert(p.end(), d.begin(), d.end());
    }
    return p;
}

struct fixture {
    server_context ctx;
    fixture() {
        ctx.opts.services = {"FREEPDB1"};
        ctx.opts.users    = {user_spec{"demo", "demo", verifier_kind::v12c, false}};
        ctx.users         = std::make_unique<user_store>(ctx.opts.users);
        ctx.backend       = make_stub_backend(":memory:");
    }
};

}  // namespace

TEST_CASE("emulate session: random bytes never crash it") {
    fixture f;
    std::mt19937 rng(12345);
    for (int round = 0; round < 300; ++round) {
        server_session s(f.ctx, "fuzz");
        std::vector<std::uint8_t> junk(static_cast<std::size_t>(rng() % 400));
        for (auto& b : junk)
            b = static_cast<std::uint8_t>(rng());
        s.on_bytes(junk);
        (void)s.take_output();
        s.on_eof();
        CHECK(s.finished());
    }
}

TEST_CASE("emulate session: corrupted connect and call sequences never crash it") {
    fixture f;
    const auto base = valid_prefix();
    std::mt19937 rng(777);
    for (int round = 0; round < 500; ++round) {
        auto bytes      = base;
        const int flips = 1 + static_cast<int>(rng() % 4);
        for (int i = 0; i < flips; ++i)
            bytes[rng() % bytes.size()] = static_cast<std::uint8_t>(rng());
        if (rng() % 3 == 0) bytes.resize(rng() % bytes.size());
        server_session s(f.ctx, "fuzz");
        // Feed in random-sized pieces.
        std::size_t pos = 0;
        while (pos < bytes.size() && !s.finished()) {
            const std::size_t n = std::min<std::size_t>(1 + rng() % 32, bytes.size() - pos);
            s.on_bytes(oranet::proto::bytes_view(bytes.data() + pos, n));
            (void)s.take_output();
            pos += n;
        }
    }
    SUCCEED("no crash");
}
