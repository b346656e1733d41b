// node-oracledb 26 (thin mode) as a judge of `oranet emulate`'s LOBs (issue 7).
// Usage: node lob_judge.js <path to oranet> [profile]
// CLOB, NCLOB and BLOB columns fetched as Lob objects (locators with their
// size, from node's LOB define) and read at offsets through the thin LOB
// implementation (getData(offset, amount)), sized; temporary LOBs from
// connection.createLob written, trimmed and bound; 3 MiB string and Buffer
// binds (LONG / LONG RAW) into CLOB/BLOB columns; fetchAsString /
// fetchAsBuffer inline fetch (LONG defines); multibyte text with a surrogate
// pair; ORA-22920 for a write through an unlocked row's LOB. Exact values.
'use strict';

const assert = require('assert');
const harness = require('./harness');
const oracledb = require('oracledb');

const oranet = process.argv[2];
const profile = process.argv[3] || '19';

function startEmulator() {
  return harness.startEmulator(oranet, ['--profile', profile, '--user', 'demo/demo:12c']);
}

const { check, results } = harness;

function bigText(n) {
  return 'abcdefghijklmnopqrstuvwxyz'.repeat(Math.ceil(n / 26)).slice(0, n);
}
function bigBytes(n) {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = (i * 7 + Math.floor(i / 251)) & 0xff;
  return b;
}
const MULTI = 'h\u00e9llo \u20ac \u{1F600}!';  // 11 characters in UTF-16 code units

async function main() {
  assert.ok(oracledb.thin, 'node-oracledb runs in thin mode');
  const { child, port } = await startEmulator();
  const dsn = `127.0.0.1:${port}/FREEPDB1`;
  const text = bigText(3 << 20);
  const data = bigBytes(3 << 20);
  let conn;
  try {
    conn = await oracledb.getConnection({ user: 'demo', password: 'demo', connectString: dsn });
    await conn.execute('create table lobs (id number, c clob, n nclob, b blob)');

    await check('3 MiB string and Buffer binds insert into CLOB/BLOB', async () => {
      await conn.execute('insert into lobs values (1, :1, :2, :3)', [text, MULTI, data]);
      await conn.execute("insert into lobs values (2, 'short', null, null)");
      await conn.commit();
    });

    await check('LOB columns fetch as Lob objects with exact sizes and offset reads', async () => {
      const r = await conn.execute('select c, n, b from lobs where id = 1');
      const [c, n, b] = r.rows[0];
      assert.ok(c instanceof oracledb.Lob);
      assert.strictEqual(c.type, oracledb.DB_TYPE_CLOB);
      assert.strictEqual(n.type, oracledb.DB_TYPE_NCLOB);
      assert.strictEqual(b.type, oracledb.DB_TYPE_BLOB);
      assert.strictEqual(c.length, text.length);
      assert.strictEqual(b.length, data.length);
      assert.strictEqual(n.length, 11);
      assert.strictEqual(await c.getData(1, 10), text.slice(0, 10));
      assert.strictEqual(await c.getData(1000001, 26), text.slice(1000000, 1000026));
      assert.ok((await b.getData(2, 3)).equals(data.subarray(1, 4)));
      assert.strictEqual(await c.getData(), text);
      assert.ok((await b.getData()).equals(data));
      assert.strictEqual(await n.getData(), MULTI);
      assert.strictEqual(await n.getData(9, 2), '\u{1F600}');
      assert.ok(c.chunkSize > 0);
      c.destroy(); n.destroy(); b.destroy();
    });

    await check('a persistent LOB of an unlocked row is not writable (ORA-22920)', async () => {
      const r = await conn.execute('select c from lobs where id = 1');
      const c = r.rows[0][0];
      await assert.rejects(c._impl.write(1, 'x'), /ORA-22920/);
      c.destroy();
    });

    await check('temporary LOBs: write, read, trim, bind', async () => {
      const tc = await conn.createLob(oracledb.CLOB);
      const tb = await conn.createLob(oracledb.BLOB);
      assert.strictEqual(await tc.getData(), null);
      await tc._impl.write(1, MULTI);
      assert.strictEqual(await tc._impl.getLength(), 11);
      assert.strictEqual(await tc.getData(2, 1), '\u00e9');
      await tc._impl.write(12, ' more');
      assert.strictEqual(await tc.getData(), MULTI + ' more');
      await tc._impl.trim(6);
      assert.strictEqual(await tc.getData(), 'h\u00e9llo ');
      await tb._impl.write(1, Buffer.from([0, 1, 2, 3]));
      assert.ok((await tb.getData()).equals(Buffer.from([0, 1, 2, 3])));
      await conn.execute('insert into lobs values (3, :1, null, :2)', [tc, tb]);
      const r = await conn.execute('select c, b from lobs where id = 3',
        [], { fetchInfo: { C: { type: oracledb.STRING }, B: { type: oracledb.BUFFER } } });
      assert.strictEqual(r.rows[0][0], 'h\u00e9llo ');
      assert.ok(r.rows[0][1].equals(Buffer.from([0, 1, 2, 3])));
      await tc.close();
      await tb.close();
    });

    await check('fetchInfo STRING / BUFFER: LOB columns inline', async () => {
      const r = await conn.execute('select id, c, n, b from lobs where id in (1, 2) order by id', [], {
        fetchInfo: { C: { type: oracledb.STRING }, N: { type: oracledb.STRING }, B: { type: oracledb.BUFFER } },
      });
      assert.strictEqual(r.rows[0][0], 1);
      assert.ok(r.rows[0][1] === text, 'CLOB text');
      assert.strictEqual(r.rows[0][2], MULTI);
      assert.ok(r.rows[0][3].equals(data), 'BLOB bytes');
      assert.deepStrictEqual(r.rows[1], [2, 'short', null, null]);
    });
  } finally {
    if (conn) await conn.close().catch(() => {});
    child.kill();
  }
  const failed = results.filter((x) => !x).length;
  console.log(`${results.length - failed}/${results.length} passed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.log(`not ok - judge crashed\n  ${(e && e.stack) || e}`);
  process.exit(1);
});
