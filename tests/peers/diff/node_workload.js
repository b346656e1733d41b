// The differential test's workload, run by node-oracledb 26 (thin) against
// the recording proxy of peer_diff (issue 6). The same calls, in the same
// order, as run_oranet_workload() in peer_diff.cpp: keep the two in step.
// Usage: node node_workload.js <port> [basic|charset|features]
'use strict';

// node-oracledb is installed in ../node (npm ci there).
const oracledb = require(require('path').join(__dirname, '..', 'node', 'node_modules', 'oracledb'));

// Non-ASCII text in SQL, a bind and a column (the emulator plays a
// WE8MSWIN1252 database for this one): run_oranet_charset_workload().
async function charsetWorkload(c) {
  let r = await c.execute("select 'é€' x from dual");
  if (r.rows[0][0] !== 'é€') throw new Error(`select returned ${r.rows[0][0]}`);
  // A character WE8MSWIN1252 cannot hold: sent as UTF-8 all the same, the
  // server converts (a real one substitutes its replacement character).
  await c.execute("select '漢' x from dual");
  await c.execute('create table diff_c (a varchar2(10))');
  await c.execute('insert into diff_c values (:1)', ['ö€']);
  r = await c.execute('select a from diff_c');
  if (r.rows[0][0] !== 'ö€') throw new Error(`column returned ${r.rows[0][0]}`);
  await c.commit();
  await c.close();
}

// Issue 7: array DML (batch errors, row counts), a PL/SQL block with OUT
// binds, a LOB read, a REF CURSOR and its fetch: run_oranet_features_workload().
async function featuresWorkload(c) {
  await c.execute('create table diff_m (id number, name varchar2(20))');
  let r = await c.executeMany('insert into diff_m values (:1, :2)', [[1, 'a'], [2, 'b'], [3, 'c']]);
  if (r.rowsAffected !== 3) throw new Error(`executeMany affected ${r.rowsAffected}`);
  r = await c.executeMany('update diff_m set name = :1 where id >= :2', [['x', 1], ['y', 3]],
    { batchErrors: true, dmlRowCounts: true });
  if (JSON.stringify(r.dmlRowCounts) !== '[3,1]') throw new Error(`row counts ${r.dmlRowCounts}`);
  r = await c.execute('begin :o := :i * 2; :s := upper(:t); end;', {
    o: { dir: oracledb.BIND_OUT, type: oracledb.NUMBER },
    i: 21,
    s: { dir: oracledb.BIND_OUT, type: oracledb.STRING, maxSize: 100 },
    t: 'abc',
  });
  if (r.outBinds.o !== 42 || r.outBinds.s !== 'ABC') throw new Error(`out binds ${JSON.stringify(r.outBinds)}`);
  await c.execute('create table diff_l (id number, c clob)');
  await c.execute("insert into diff_l values (1, 'lob text é')");
  r = await c.execute('select c from diff_l');
  const text = await r.rows[0][0].getData();
  if (text !== 'lob text é') throw new Error(`LOB read gave ${text}`);
  r = await c.execute('begin open :rc for select level from dual connect by level <= 5; end;', {
    rc: { dir: oracledb.BIND_OUT, type: oracledb.CURSOR },
  });
  const rs = r.outBinds.rc;
  const rows = await rs.getRows();
  if (rows.length !== 5) throw new Error(`ref cursor gave ${rows.length} rows`);
  await rs.close();
  await c.commit();
  await c.close();
}

async function main() {
  const port = process.argv[2];
  const c = await oracledb.getConnection({ user: 'demo', password: 'demo',
    connectString: `127.0.0.1:${port}/FREEPDB1` });
  if (process.argv[3] === 'charset') return charsetWorkload(c);
  if (process.argv[3] === 'features') return featuresWorkload(c);
  // A simple query (prefetch 2, the default of both clients).
  await c.execute('select 1 from dual');
  // More rows than the prefetch: re-fetches of 10 rows each.
  const r = await c.execute('select level from dual connect by level <= 50', [], { fetchArraySize: 10 });
  if (r.rows.length !== 50) throw new Error(`expected 50 rows, got ${r.rows.length}`);
  await c.execute('create table diff_t (id number, name varchar2(20), note varchar2(20))');
  // Binds by position: a number, a string and a NULL.
  await c.execute('insert into diff_t values (:1, :2, :3)', [7, 'seven', null]);
  // Binds by name (they travel in order of appearance, as by position).
  await c.execute('insert into diff_t (id, name) values (:id, :name)', { id: 8, name: 'eight' });
  await c.commit();
  await c.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
