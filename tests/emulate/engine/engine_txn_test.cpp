// Transactions: private until commit, rollback, rollback at close, and a
// second writer that waits and then gets ORA-00054.
#include "engine_fixture.hpp"

using namespace engine_test;

TEST_CASE("uncommitted changes are invisible to another session; commit publishes them") {
    fixture f;
    sql_error err;
    session other(f.db, session_attributes{}, err);
    REQUIRE(!err);
    f.run("create table t (a number)");
    f.run("insert into t values (1)");
    CHECK(f.s->in_transaction());
    auto count = [&](session& s) {
        execute_result r;
        REQUIRE(!s.execute("select count(*) from t", {}, r));
        std::vector<value> row;
        sql_error e;
        REQUIRE(r.rows->fetch(row, e));
        return num(row[0]);
    };
    CHECK(count(*f.s) == "1");
    CHECK(count(other) == "0");
    execute_result r;
    REQUIRE(!f.s->execute("commit", {}, r));
    CHECK(r.kind == statement_kind::commit);
    CHECK(count(other) == "1");
    f.run("delete from t");
    REQUIRE(!f.s->execute("rollback", {}, r));
    CHECK(count(*f.s) == "1");
}

TEST_CASE("a second writer waits, then gets ORA-00054; a closed session rolls back") {
    fixture f;
    f.run("create table t (a number)");
    sql_error err;
    auto other = std::make_unique<session>(f.db, session_attributes{}, err);
    REQUIRE(!err);
    f.run("insert into t values (1)");
    execute_result r;
    auto e = other->execute("insert into t values (2)", {}, r);
    CHECK(e.code == 54);
    CHECK(e.message == "ORA-00054: resource busy and acquire with NOWAIT specified or timeout expired");
    f.s.reset();  // closes without commit
    REQUIRE(!other->execute("insert into t values (3)", {}, r));
    REQUIRE(!other->commit());
    REQUIRE(!other->execute("select a from t", {}, r));
    std::vector<value> row;
    REQUIRE(r.rows->fetch(row, e));
    CHECK(num(row[0]) == "3");
    CHECK_FALSE(r.rows->fetch(row, e));
}

TEST_CASE("DDL commits the open transaction, as in Oracle") {
    fixture f;
    f.run("create table t (a number)");
    f.run("insert into t values (1)");
    f.run("create table u (b number)");
    CHECK_FALSE(f.s->in_transaction());
    f.run("rollback");
    CHECK(f.rows("select a from t").size() == 1);
}
