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

TEST_CASE("sql scan: RETURNING INTO targets") {
    using oranet::detail::scan_sql;
    auto i = scan_sql("insert into t (a, b) values (:a, :b) returning id, b into :id, :b_out");
    REQUIRE(i.occurrences == std::vector<std::string>{"A", "B", "ID", "B_OUT"});
    CHECK(i.returning == std::vector<bool>{false, false, true, true});
    i = scan_sql("UPDATE t SET x = :x WHERE id = :id RETURN x INTO :r");
    CHECK(i.returning == std::vector<bool>{false, false, true});
    // Not a RETURNING clause: a column named returning_x, a string, a query.
    i = scan_sql("update t set returning_x = 'returning into' where id = :id");
    CHECK(i.returning == std::vector<bool>{false});
    i = scan_sql("select :a from dual");
    CHECK(i.returning == std::vector<bool>{false});
}
