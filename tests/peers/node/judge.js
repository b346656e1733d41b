// node-oracledb 26 (thin mode) as a judge of `oranet emulate` (issue 5).
// Usage: node judge.js <path to oranet> [profile]
// Starts a fresh emulator on a free port, runs the workload, asserts the
// exact values node-oracledb reports, and stops the emulator. Any failure is
// an emulator bug (or a misunderstanding of ours), never a reason to relax
// an assertion.
'use strict';

process.env.TZ = 'UTC';  // DATE and TIMESTAMP values map to JS Dates in the local zone

const assert = require('assert');
const { spawn } = require('child_process');
const oracledb = require('oracledb');

const oranet = process.argv[2];
const profile = process.argv[3] || '19';

function startEmulator() {
  return new Promise((resolve, reject) => {
    const child = spawn(oranet, ['emulate', '--listen', '127.0.0.1:0', '--profile', profile,
      '--user', 'demo/demo:12c', '--user', 'scott11/tiger11:11g'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    const timer = setTimeout(() => reject(new Error('emulator did not start: ' + out)), 15000);
    child.on('error', reject);
    child.stdout.on('data', (d) => {
      out += d.toString();
      const m = /listening on (\S+):(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[2]) });
      }
    });
  });
}

const results = [];
async function check(name, fn) {
  try {
    await fn();
    results.push(true);
    console.log(`ok - ${name}`);
  } catch (e) {
    results.push(false);
    console.log(`not ok - ${name}\n  ${(e && e.stack) || e}`);
  }
}

async function main() {
  assert.ok(oracledb.thin, 'node-oracledb runs in thin mode');
  const { child, port } = await startEmulator();
  const dsn = `127.0.0.1:${port}/FREEPDB1`;
  try {
    await check('12c-verifier user logs in, pings and closes', async () => {
      const c = await oracledb.getConnection({ user: 'demo', password: 'demo', connectString: dsn });
      assert.ok(c.oracleServerVersion > 0);
      await c.ping();
      await c.close();
    });

    await check('11g-verifier user logs in', async () => {
      const c = await oracledb.getConnection({ user: 'scott11', password: 'tiger11', connectString: dsn });
      const r = await c.execute('select 1 from dual');
      assert.deepStrictEqual(r.rows, [[1]]);
      await c.close();
    });

    await check('wrong password gives ORA-01017', async () => {
      await assert.rejects(
        oracledb.getConnection({ user: 'demo', password: 'wrong', connectString: dsn }),
        (e) => {
          assert.strictEqual(e.errorNum, 1017);
          assert.match(e.message, /^ORA-01017: invalid username\/password; logon denied/);
          return true;
        });
    });

    await check('unknown user gives ORA-01017', async () => {
      await assert.rejects(
        oracledb.getConnection({ user: 'nobody', password: 'demo', connectString: dsn }),
        (e) => e.errorNum === 1017);
    });

    await check('unknown service gives NJS-518 (the listener\'s ORA-12514)', async () => {
      await assert.rejects(
        oracledb.getConnection({ user: 'demo', password: 'demo', connectString: `127.0.0.1:${port}/NO_SUCH_SERVICE` }),
        (e) => {
          assert.strictEqual(e.code, 'NJS-518');
          assert.match(e.message, /Service "NO_SUCH_SERVICE" is not registered with the listener/);
          return true;
        });
    });

    await check('select 1 from dual: value, column name and type', async () => {
      const c = await oracledb.getConnection({ user: 'demo', password: 'demo', connectString: dsn });
      const r = await c.execute('select 1 from dual');
      assert.deepStrictEqual(r.rows, [[1]]);
      assert.strictEqual(r.metaData.length, 1);
      assert.strictEqual(r.metaData[0].name, '1');
      assert.strictEqual(r.metaData[0].dbType, oracledb.DB_TYPE_NUMBER);
      // the same statement again (a re-execute of the cached cursor)
      const r2 = await c.execute('select 1 from dual');
      assert.deepStrictEqual(r2.rows, [[1]]);
      await c.close();
    });

    await check('table with scalar types: binds by position and name, NULLs, values and metadata back', async () => {
      const c = await oracledb.getConnection({ user: 'demo', password: 'demo', connectString: dsn });
      await c.execute('create table nj_types (id number(9) not null, amount number(10,2), name varchar2(40), ' +
        'code char(5), born date, stamp timestamp(6), bin raw(16), ratio binary_double, anynum number)');
      let r = await c.execute('insert into nj_types values (:1, :2, :3, :4, :5, :6, :7, :8, :9)',
        [1, 12.5, 'Ada', 'ab', new Date(Date.UTC(2024, 1, 29, 13, 45, 7)),
          { val: new Date(Date.UTC(2024, 1, 29, 13, 45, 7, 123)), type: oracledb.DB_TYPE_TIMESTAMP },
          Buffer.from([1, 255]), 2.5, -123456789.125]);
      assert.strictEqual(r.rowsAffected, 1);
      r = await c.execute('insert into nj_types (id, name, amount) values (:id, :name, :amount)',
        { id: 2, name: null, amount: null });
      assert.strictEqual(r.rowsAffected, 1);
      await c.commit();
      r = await c.execute('select id, amount, name, code, born, stamp, bin, ratio, anynum from nj_types order by id');
      assert.deepStrictEqual(r.rows[0], [1, 12.5, 'Ada', 'ab   ', new Date(Date.UTC(2024, 1, 29, 13, 45, 7)),
        new Date(Date.UTC(2024, 1, 29, 13, 45, 7, 123)), Buffer.from([1, 255]), 2.5, -123456789.125]);
      assert.deepStrictEqual(r.rows[1], [2, null, null, null, null, null, null, null, null]);
      const md = r.metaData;
      assert.deepStrictEqual(md.map((m) => m.name),
        ['ID', 'AMOUNT', 'NAME', 'CODE', 'BORN', 'STAMP', 'BIN', 'RATIO', 'ANYNUM']);
      assert.strictEqual(md[0].dbType, oracledb.DB_TYPE_NUMBER);
      assert.strictEqual(md[0].precision, 9);
      assert.strictEqual(md[0].scale, 0);
      assert.strictEqual(md[0].nullable, false);
      assert.strictEqual(md[1].precision, 10);
      assert.strictEqual(md[1].scale, 2);
      assert.strictEqual(md[1].nullable, true);
      assert.strictEqual(md[2].dbType, oracledb.DB_TYPE_VARCHAR);
      assert.strictEqual(md[2].byteSize, 40);
      assert.strictEqual(md[3].dbType, oracledb.DB_TYPE_CHAR);
      assert.strictEqual(md[3].byteSize, 5);
      assert.strictEqual(md[4].dbType, oracledb.DB_TYPE_DATE);
      assert.strictEqual(md[5].dbType, oracledb.DB_TYPE_TIMESTAMP);
      assert.strictEqual(md[5].precision, 6);
      assert.strictEqual(md[6].dbType, oracledb.DB_TYPE_RAW);
      assert.strictEqual(md[6].byteSize, 16);
      assert.strictEqual(md[7].dbType, oracledb.DB_TYPE_BINARY_DOUBLE);
      assert.strictEqual(md[8].precision, 0);
      assert.strictEqual(md[8].scale, -127);
      r = await c.execute('update nj_types set name = :1 where id = :2', ['Bob', 2]);
      assert.strictEqual(r.rowsAffected, 1);
      r = await c.execute('delete from nj_types where id > :1', [0]);
      assert.strictEqual(r.rowsAffected, 2);
      await c.rollback();
      r = await c.execute('select count(*) from nj_types');
      assert.deepStrictEqual(r.rows, [[2]]);
      await c.close();
    });

    await check('uncommitted rows are invisible to a second connection; commit and rollback', async () => {
      const a = await oracledb.getConnection({ user: 'demo', password: 'demo', connectString: dsn });
      const b = await oracledb.getConnection({ user: 'demo', password: 'demo', connectString: dsn });
      await a.execute('create table nj_txn (n number)');
      await a.execute('insert into nj_txn values (1)');
      assert.deepStrictEqual((await b.execute('select count(*) from nj_txn')).rows, [[0]]);
      await a.commit();
      assert.deepStrictEqual((await b.execute('select count(*) from nj_txn')).rows, [[1]]);
      await a.execute('insert into nj_txn values (2)');
      await a.rollback();
      assert.deepStrictEqual((await b.execute('select count(*) from nj_txn')).rows, [[1]]);
      await a.close();
      await b.close();
    });

    await check('a syntax error and a missing table give their ORA codes', async () => {
      const c = await oracledb.getConnection({ user: 'demo', password: 'demo', connectString: dsn });
      await assert.rejects(c.execute('select * from no_such_table'), (e) => {
        assert.strictEqual(e.errorNum, 942);
        assert.match(e.message, /^ORA-00942: table or view does not exist/);
        return true;
      });
      await assert.rejects(c.execute('selec 1 from dual'), (e) => e.errorNum === 900);
      assert.deepStrictEqual((await c.execute('select 2 from dual')).rows, [[2]]);
      await c.close();
    });

    await check('columns that are NULL by describe (\'\' and NULL) come back as null', async () => {
      const c = await oracledb.getConnection({ user: 'demo', password: 'demo', connectString: dsn });
      assert.deepStrictEqual((await c.execute("select '', null, 5 from dual")).rows, [[null, null, 5]]);
      assert.deepStrictEqual((await c.execute('select null, level from dual connect by level <= 3')).rows,
        [[null, 1], [null, 2], [null, 3]]);
      await c.close();
    });

    await check('clientId, module and action reach SYS_CONTEXT(\'USERENV\', ...)', async () => {
      const c = await oracledb.getConnection({ user: 'demo', password: 'demo', connectString: dsn });
      c.clientId = 'nj-ident';
      c.module = 'nj-module';
      c.action = 'nj-action';
      let r = await c.execute("select sys_context('USERENV', 'CLIENT_IDENTIFIER'), sys_context('USERENV', 'MODULE'), " +
        "sys_context('USERENV', 'ACTION') from dual");
      assert.deepStrictEqual(r.rows, [['nj-ident', 'nj-module', 'nj-action']]);
      c.action = 'nj-action-2';
      r = await c.execute("select sys_context('USERENV', 'MODULE'), sys_context('USERENV', 'ACTION') from dual");
      assert.deepStrictEqual(r.rows, [['nj-module', 'nj-action-2']]);
      await c.close();
    });

    await check('many rows across fetch round trips', async () => {
      const c = await oracledb.getConnection({ user: 'demo', password: 'demo', connectString: dsn });
      const r = await c.execute('select level from dual connect by level <= 50', [], { fetchArraySize: 7 });
      assert.deepStrictEqual(r.rows.map((x) => x[0]), Array.from({ length: 50 }, (_, i) => i + 1));
      await c.close();
    });
  } finally {
    child.kill('SIGTERM');
  }
  const failed = results.filter((x) => !x).length;
  console.log(`${results.length - failed} passed, ${failed} failed (profile ${profile})`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((e) => {
  console.log('judge error:', e);
  process.exit(2);
});
