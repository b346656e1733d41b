// Random SQL-like text: the engine answers with rows or an ORA error, never
// crashes, never an internal error (the SQL text comes from the network).
#include "engine_fixture.hpp"

#include <random>

using namespace engine_test;

TEST_CASE("random statements give rows or an ORA error") {
    fixture f;
    f.run("create table t (a number(5,2), b varchar2(5), c date)");
    f.run("insert into t values (1.5, 'x', sysdate)");
    static const char* words[] = {
        "select",  "from",  "where",   "t",       "dual",    "a",     "b",      "c",         "level",
        "connect", "by",    "rownum",  "<=",      "=",       "+",     "-",      "*",         "/",
        "||",      "(",     ")",       ",",       "'q'",     "''",    "1",      "2.5",       "null",
        "sysdate", "nvl",   "to_char", "to_date", "insert",  "into",  "values", "update",    "set",
        "delete",  "order", "group",   "count",   "sum",     "fetch", "first",  "rows",      "only",
        ":1",      ":x",    "and",     "or",      "not",     "case",  "when",   "then",      "end",
        "as",      "\"A\"", "trunc",   "round",   "extract", "year",  "date",   "timestamp", "'2020-01-01'"};
    std::mt19937 rng(12345);
    int errors = 0, answers = 0;
    for (int n = 0; n < 3000; ++n) {
        std::string sql;
        int len = 1 + static_cast<int>(rng() % (n % 2 ? 12 : 3));
        if (n % 2 == 0) sql = "select ";
        for (int k = 0; k < len; ++k)
            sql += std::string(words[rng() % std::size(words)]) + " ";
        if (n % 2 == 0) sql += n % 4 ? "from dual" : "from t";
        bind_values b;
        if (sql.find(':') != std::string::npos) b.by_name = {{"1", numv("3")}, {"X", std::string("v")}};
        execute_result r;
        sql_error e = f.s->execute(sql, b, r);
        if (!e && r.rows) {
            std::vector<value> row;
            int rows = 0;
            while (rows < 50 && r.rows->fetch(row, e))
                ++rows;
        }
        if (e) {
            ++errors;
            INFO(sql << " -> " << e.message);
            CHECK(e.code != 600);
            CHECK(e.message.rfind("ORA-", 0) == 0);
        } else {
            ++answers;
        }
        if (f.s->in_transaction()) REQUIRE(!f.s->rollback());
    }
    CHECK(errors > 0);
    CHECK(answers > 0);
}
