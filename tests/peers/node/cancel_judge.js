// node-oracledb 26 (thin mode) as a judge of breaking off calls in
// `oranet emulate` (issue 7). Usage: node cancel_judge.js <path to oranet>
// connection.callTimeout on a long statement fails with NJS-123 and the
// connection still works; connection.break() during a long statement, and
// while rows stream, fails the call with ORA-01013 and the connection still
// works. The long statement is `begin dbms_session.sleep(5); end;` when the
// emulator has it, else a recursive WITH that counts to a billion.
'use strict';

const assert = require('assert');
const harness = require('./harness');
const oracledb = require('oracledb');

const oranet = process.argv[2];
const SLOW_SQL = 'with c (n) as (select 1 from dual union all select n + 1 from c where n < 1000000000) ' +
  'select count(*) from c';
const SLEEP_PLSQL = 'begin dbms_session.sleep(5); end;';

function startEmulator() {
  return harness.startEmulator(oranet, ['--user', 'demo/demo:12c']);
}

const { check, results } = harness;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function usable(c) {
  const r = await c.execute('select 6 * 7 from dual');
  assert.deepStrictEqual(r.rows, [[42]], 'the connection answers after the break');
  await c.ping();
}

async function main() {
  const { child, port } = await startEmulator();
  const connect = () => oracledb.getConnection({ user: 'demo', password: 'demo', connectTimeout: 10,
    connectString: `127.0.0.1:${port}/FREEPDB1` });
  try {
    const statements = [SLOW_SQL];
    {
      const c = await connect();
      try {
        await c.execute('begin dbms_session.sleep(0.01); end;');
        statements.unshift(SLEEP_PLSQL);
      } catch (e) {
        console.log(`# dbms_session.sleep not available (${e.message.split('\n')[0]}); slow SQL only`);
      }
      await c.close();
    }
    for (const sql of statements) {
      const kind = sql === SLEEP_PLSQL ? 'PL/SQL sleep' : 'slow SQL';
      await check(`callTimeout on ${kind}: NJS-123, connection usable`, async () => {
        const c = await connect();
        try {
          c.callTimeout = 500;
          const start = Date.now();
          await assert.rejects(c.execute(sql), (e) => {
            assert.match(e.message, /NJS-123/);
            assert.match(e.message, /500/);
            return true;
          });
          const took = Date.now() - start;
          assert.ok(took >= 450 && took < 4000, `took ${took} ms`);
          c.callTimeout = 0;
          await usable(c);
        } finally {
          await c.close();
        }
      });
      await check(`break() during ${kind}: ORA-01013, connection usable`, async () => {
        const c = await connect();
        try {
          const run = c.execute(sql);
          await sleep(300);
          await c.break();
          await assert.rejects(run, (e) => {
            assert.match(e.message, /ORA-01013/);
            return true;
          });
          await usable(c);
        } finally {
          await c.close();
        }
      });
    }
    await check('break() while rows stream: ORA-01013, connection usable', async () => {
      const c = await connect();
      try {
        const rs = (await c.execute(
          "with c (n) as (select 1 from dual union all select n + 1 from c where n < 200000) " +
          "select n, rpad('x', 100, 'y') from c", [], { resultSet: true, fetchArraySize: 2, prefetchRows: 2 }))
          .resultSet;
        let rows = 0;
        let err = null;
        try {
          for (;;) {
            const row = await rs.getRow();
            if (!row) break;
            rows += 1;
            if (rows === 20) c.break();
          }
        } catch (e) {
          err = e;
        }
        assert.ok(err, `all ${rows} rows came; the break was lost`);
        assert.match(err.message, /ORA-01013/);
        assert.ok(rows >= 20);
        try {
          await rs.close();
        } catch (e) {
          // the cursor may already be gone
        }
        await usable(c);
      } finally {
        await c.close();
      }
    });
  } finally {
    child.kill('SIGTERM');
  }
  const failed = results.filter((r) => !r).length;
  console.log(`${results.length - failed}/${results.length} passed`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
