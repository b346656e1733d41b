// Issue 4: with logging at trace level, the auth path never puts the
// password or any secret it sends into the log. The client logs in to
// `oranet emulate` through a proxy that records what the client sends; the
// values of AUTH_PASSWORD, AUTH_SESSKEY, AUTH_PBKDF2_SPEEDY_KEY and
// AUTH_NEWPASSWORD travel as hex text, so the test reads them from the
// recording and looks for them in everything the trace printed: as text (any
// case) and inside the hex dumps the trace prints of packets and fields.
#include "emulator_process.hpp"

#include <oranet/logging.hpp>
#include <oranet/oranet.hpp>

#include <asio/ip/tcp.hpp>
#include <asio/write.hpp>
#include <catch2/catch.hpp>
#include <spdlog/logger.h>
#include <spdlog/sinks/ostream_sink.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <mutex>
#include <sstream>
#include <thread>

using namespace oranet;

namespace {

// Forwards one connection both ways and records what the client sends.
class recording_proxy {
public:
    explicit recording_proxy(std::uint16_t server_port) : server_port_(server_port) {
        main_ = std::thread([this] { serve(); });
    }
    ~recording_proxy() {
        std::error_code ignored;
        acceptor_.close(ignored);
        client_.shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
        server_.shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
        if (main_.joinable()) main_.join();
        if (up_.joinable()) up_.join();
        if (down_.joinable()) down_.join();
        client_.close(ignored);
        server_.close(ignored);
    }
    recording_proxy(const recording_proxy&)            = delete;
    recording_proxy& operator=(const recording_proxy&) = delete;

    [[nodiscard]] std::uint16_t port() const { return acceptor_.local_endpoint().port(); }
    [[nodiscard]] std::string sent_by_client() {
        std::lock_guard<std::mutex> lock(mu_);
        return sent_;
    }

private:
    void serve() {
        std::error_code ec;
        acceptor_.accept(client_, ec);
        if (ec) return;
        server_.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), server_port_), ec);
        if (ec) return;
        up_   = std::thread([this] { pump(client_, server_, true); });
        down_ = std::thread([this] { pump(server_, client_, false); });
    }
    void pump(asio::ip::tcp::socket& from, asio::ip::tcp::socket& to, bool record) {
        std::array<char, 65536> buf{};
        for (;;) {
            std::error_code ec;
            const std::size_t n = from.read_some(asio::buffer(buf), ec);
            if (ec) break;
            if (record) {
                std::lock_guard<std::mutex> lock(mu_);
                sent_.append(buf.data(), n);
            }
            asio::write(to, asio::buffer(buf.data(), n), ec);
            if (ec) break;
        }
    }

    std::uint16_t server_port_;
    asio::io_context ctx_;
    asio::ip::tcp::acceptor acceptor_{ctx_, asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)};
    asio::ip::tcp::socket client_{ctx_};
    asio::ip::tcp::socket server_{ctx_};
    std::thread main_, up_, down_;
    std::mutex mu_;
    std::string sent_;
};

bool is_hex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string to_hex(std::string_view s) {
    static const char* digits = "0123456789abcdef";
    std::string h;
    for (const unsigned char c : s) {
        h += digits[c >> 4];
        h += digits[c & 15];
    }
    return h;
}

// The hex text that follows each occurrence of `key` in the recorded bytes:
// the key/value pair puts a few length bytes (never hex digits for these
// lengths) between the key and its value.
std::vector<std::string> wire_values(const std::string& sent, const std::string& key) {
    std::vector<std::string> out;
    for (std::size_t at = sent.find(key); at != std::string::npos; at = sent.find(key, at + 1)) {
        std::size_t i         = at + key.size();
        const std::size_t end = std::min(sent.size(), i + 8);
        while (i < end && !is_hex(sent[i]))
            ++i;
        std::size_t j = i;
        while (j < sent.size() && is_hex(sent[j]))
            ++j;
        if (j - i >= 16) out.push_back(sent.substr(i, j - i));
    }
    return out;
}

// The bytes of every hex dump in the log (lines "  0000  ab cd ..."), one
// string per dump.
std::vector<std::string> dumped_bytes(const std::string& log) {
    std::vector<std::string> dumps;
    std::istringstream in(log);
    std::string line;
    bool in_dump = false;
    while (std::getline(in, line)) {
        const bool dump_line = line.size() >= 9 && line.compare(0, 2, "  ") == 0 && is_hex(line[2]) &&
                               is_hex(line[3]) && is_hex(line[4]) && is_hex(line[5]) && line[6] == ' ';
        if (!dump_line) {
            in_dump = false;
            continue;
        }
        if (!in_dump) dumps.emplace_back();
        in_dump = true;
        for (std::size_t i = 7; i + 2 < line.size() + 1; i += 3) {
            if (line[i] != ' ' || !is_hex(line[i + 1]) || i + 2 >= line.size() || !is_hex(line[i + 2])) break;
            dumps.back() += static_cast<char>(std::stoi(line.substr(i + 1, 2), nullptr, 16));
        }
    }
    return dumps;
}

// Pieces of a secret: if any 16-character window of it shows up, part of it
// leaked. Windows overlap so that any leak of 24 characters or more is found.
std::vector<std::string> windows(const std::string& s) {
    std::vector<std::string> w;
    if (s.size() <= 16) return {s};
    for (std::size_t i = 0; i + 16 <= s.size(); i += 8)
        w.push_back(s.substr(i, 16));
    w.push_back(s.substr(s.size() - 16));
    return w;
}

struct capture {
    std::ostringstream out;
    std::shared_ptr<spdlog::logger> logger;
    std::shared_ptr<spdlog::sinks::ostream_sink_mt> sink;
    capture() {
        sink   = std::make_shared<spdlog::sinks::ostream_sink_mt>(out);
        logger = std::make_shared<spdlog::logger>("oranet-trace-capture", sink);
        logger->set_level(spdlog::level::trace);
        logger->flush_on(spdlog::level::trace);
    }
};

// Also captures the shared "oranet" logger while the test runs, in case any
// part of the auth path logs there instead of the injected logger.
class default_logger_capture {
public:
    explicit default_logger_capture(std::shared_ptr<spdlog::sinks::ostream_sink_mt> sink)
        : log_(default_logger()), sink_(std::move(sink)), level_(log_->level()) {
        log_->sinks().push_back(sink_);
        log_->set_level(spdlog::level::trace);
    }
    ~default_logger_capture() {
        auto& s = log_->sinks();
        s.erase(std::remove(s.begin(), s.end(), sink_), s.end());
        log_->set_level(level_);
    }
    default_logger_capture(const default_logger_capture&)            = delete;
    default_logger_capture& operator=(const default_logger_capture&) = delete;

private:
    std::shared_ptr<spdlog::logger> log_;
    std::shared_ptr<spdlog::sinks::ostream_sink_mt> sink_;
    spdlog::level::level_enum level_;
};

void check_no_secret_in_trace(const std::string& user, const std::string& password,
                              const std::string& verifier) {
    ORANET_REQUIRE_EMULATOR(emu, {"--user", user + "/" + password + ":" + verifier});
    recording_proxy proxy(emu.port());
    capture cap;
    std::string sent;
    {
        default_logger_capture also(cap.sink);
        auto p           = emu.params(user, password);
        p.connect_string = "127.0.0.1:" + std::to_string(proxy.port()) + "/FREEPDB1";
        p.options.logger = cap.logger;
        connection conn  = connect(p);
        cursor cur       = conn.cursor();
        cur.execute("select 1, 'abc' from dual");
        auto row = cur.fetch_one();
        REQUIRE(row);
        CHECK(row->get<std::int64_t>(0) == 1);
        conn.close();
        cap.logger->flush();
        sent = proxy.sent_by_client();
    }
    const std::string log  = cap.out.str();
    const std::string llog = lower(log);
    const auto dumps       = dumped_bytes(log);
    INFO("verifier " << verifier << ", " << log.size() << " bytes of trace");

    // The trace really ran: packets were dumped and fields decoded.
    REQUIRE_FALSE(log.empty());
    REQUIRE_FALSE(dumps.empty());
    CHECK(log.find("AUTH_VFR_DATA") != std::string::npos);

    // What the client sent that must stay secret.
    std::vector<std::pair<std::string, std::string>> secrets;  // name, hex text as sent
    for (const char* key : {"AUTH_PASSWORD", "AUTH_SESSKEY", "AUTH_PBKDF2_SPEEDY_KEY", "AUTH_NEWPASSWORD"})
        for (const auto& v : wire_values(sent, key))
            secrets.emplace_back(key, v);
    const auto has = [&](const char* key) {
        return std::any_of(secrets.begin(), secrets.end(), [&](const auto& s) { return s.first == key; });
    };
    REQUIRE(has("AUTH_PASSWORD"));
    REQUIRE(has("AUTH_SESSKEY"));
    if (verifier == "12c") REQUIRE(has("AUTH_PBKDF2_SPEEDY_KEY"));

    // The password: as text, as hex of its bytes in any case, and as bytes in a dump.
    CHECK(log.find(password) == std::string::npos);
    CHECK(llog.find(lower(password)) == std::string::npos);
    CHECK(llog.find(to_hex(password)) == std::string::npos);
    for (const auto& d : dumps)
        CHECK(lower(d).find(lower(password)) == std::string::npos);

    // Each wire secret: as hex text in any case, and as its text or its
    // decoded bytes inside a dump.
    for (const auto& [key, value] : secrets) {
        INFO(key << " = " << value);
        const std::string lv = lower(value);
        std::string raw;
        for (std::size_t i = 0; i + 1 < lv.size(); i += 2)
            raw += static_cast<char>(std::stoi(lv.substr(i, 2), nullptr, 16));
        for (const auto& w : windows(lv))
            CHECK(llog.find(w) == std::string::npos);
        for (const auto& d : dumps) {
            const std::string ld = lower(d);
            for (const auto& w : windows(lv))
                CHECK(ld.find(w) == std::string::npos);
            for (std::size_t i = 0; i + 8 <= raw.size(); i += 4)
                CHECK(d.find(raw.substr(i, 8)) == std::string::npos);
        }
    }
}

}  // namespace

TEST_CASE("auth trace secrecy: a 12c login traced at trace level leaks no password or wire secret") {
    check_no_secret_in_trace("tracer12", "Zq9xWvK7pLm3Secret12c", "12c");
}

TEST_CASE("auth trace secrecy: an 11g login traced at trace level leaks no password or wire secret") {
    check_no_secret_in_trace("tracer11", "Hj4TnRb8qYd2Secret11g", "11g");
}
