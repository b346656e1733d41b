// Shared fixture of the engine tests: one in-memory database, one session.
#pragma once

#include "emulate/engine/engine.hpp"

#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

namespace engine_test {

using namespace oranet;
using namespace oranet::emulate;

struct fixture {
    std::shared_ptr<database> db;
    std::unique_ptr<session> s;
    fixture() {
        sql_error err;
        db = database::open({":memory:", std::chrono::milliseconds(200)}, err);
        REQUIRE(!err);
        s = std::make_unique<session>(db, session_attributes{}, err);
        REQUIRE(!err);
    }
    void run(const std::string& sql, const bind_values& b = {}) {
        execute_result r;
        sql_error e = s->execute(sql, b, r);
        INFO(sql << " -> " << e.message);
        REQUIRE(!e);
    }
    std::vector<std::vector<value>> rows(const std::string& sql, const bind_values& b = {},
                                         std::vector<column_info>* cols = nullptr) {
        execute_result r;
        sql_error e = s->execute(sql, b, r);
        INFO(sql << " -> " << e.message);
        REQUIRE(!e);
        REQUIRE(r.rows);
        if (cols) *cols = r.rows->columns();
        std::vector<std::vector<value>> out;
        std::vector<value> row;
        while (r.rows->fetch(row, e))
            out.push_back(row);
        REQUIRE(!e);
        return out;
    }
    sql_error fail(const std::string& sql, const bind_values& b = {}) {
        execute_result r;
        sql_error e = s->execute(sql, b, r);
        if (!e && r.rows) {
            std::vector<value> row;
            while (r.rows->fetch(row, e)) {
            }
        }
        return e;
    }
};

inline std::string num(const value& v) { return std::get<number>(v).text(); }

inline date_time ymd(int y, int m, int d, int hh = 0, int mi = 0, int ss = 0, std::uint32_t ns = 0) {
    date_time r;
    r.year       = static_cast<std::int16_t>(y);
    r.month      = static_cast<std::uint8_t>(m);
    r.day        = static_cast<std::uint8_t>(d);
    r.hour       = static_cast<std::uint8_t>(hh);
    r.minute     = static_cast<std::uint8_t>(mi);
    r.second     = static_cast<std::uint8_t>(ss);
    r.nanosecond = ns;
    return r;
}

inline number numv(const std::string& t) {
    number n;
    REQUIRE(number::parse(t, n));
    return n;
}

}  // namespace engine_test
