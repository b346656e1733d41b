// The statement kind and bind names the client derives from SQL text.
#include "../../lib/src/detail/sql_scan.hpp"

#include <catch2/catch.hpp>

using namespace oranet::detail;

TEST_CASE("sql scan: statement kinds") {
    CHECK(scan_sql("  select 1 from dual").kind == statement_kind::query);
    CHECK(scan_sql("/* c */ (SELECT 1 FROM dual)").kind == statement_kind::query);
    CHECK(scan_sql("-- x\nwith a as (select 1 from dual) select * from a").kind == statement_kind::query);
    CHECK(scan_sql("insert into t values (:1)").kind == statement_kind::dml);
    CHECK(scan_sql("begin null; end;").kind == statement_kind::plsql);
    CHECK(scan_sql("DECLARE x number; BEGIN x := 1; END;").kind == statement_kind::plsql);
    CHECK(scan_sql("create table t (a number)").kind == statement_kind::ddl);
}

TEST_CASE("sql scan: bind names outside quotes and comments") {
    const auto i = scan_sql(
        "select ':x', \":y\", a from t -- :z\n where b = :b1 and c = :\"Mixed\" /* :w */ and d = :B1");
    CHECK(i.occurrences == std::vector<std::string>{"B1", "Mixed", "B1"});
    CHECK(i.unique == std::vector<std::string>{"B1", "Mixed"});
    const auto p = scan_sql("begin :x := :y + 1; end;");
    CHECK(p.unique == std::vector<std::string>{"X", "Y"});
    CHECK(scan_sql("select 1 from dual where a = :1 and b = :2").unique ==
          std::vector<std::string>{"1", "2"});
}
