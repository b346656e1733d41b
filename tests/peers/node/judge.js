// node-oracledb 26 (thin mode) as a judge of `oranet emulate` (issue 5).
// Usage: node judge.js <path to oranet> [profile [charset]]
// Starts a fresh emulator on a free port, runs the workload, asserts the
// exact values node-oracledb reports, and stops the emulator. Any failure is
// an emulator bug (or a misunderstanding of ours), never a reason to relax
// an assertion.
'use strict';

process.env.TZ = 'UTC';  // DATE and TIMESTAMP values map to JS Dates in the local zone

const assert = require('assert');
const harness = require('./harness');
const oracledb = require('oracledb');

const oranet = process.argv[2];
const profile = process.argv[3] || '19';
const charset = process.argv[4];  // the database character set (--charset), AL32UTF8 when absent

function startEmulator() {
  return harness.startEmulator(oranet, ['--profile', profile, '--user', 'demo/demo:12c', '--user', 'scott11/tiger11:11g'].concat(charset ? ['--charset', charset] : []));
}

const { check, results } = harness;

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

    await check('more scalar types: BINARY_FLOAT, TIMESTAMP WITH (LOCAL) TIME ZONE, INTERVALs, NCHAR, NVARCHAR2', async () => {
      const c = await oracledb.getConnection({ user: 'demo', password: 'demo', connectString: dsn });
      await c.execute('create table nj_more (id number(9) not null, bf binary_float, tstz timestamp(6) with time zone, ' +
        'tsltz timestamp(6) with local time zone, ym interval year(2) to month, ' +
        'ds interval day(3) to second(6), nc nchar(10), nv nvarchar2(20) not null)');
      const ym = new oracledb.IntervalYM({ years: 1, months: 2 });
      const ds = new oracledb.IntervalDS({ days: 2, hours: 3, minutes: 4, seconds: 5, fseconds: 123456000 });
      let r = await c.execute('insert into nj_more values (:1, :2, :3, :4, :5, :6, :7, :8)',
        [1, 0.1, { val: new Date(Date.UTC(2024, 1, 29, 13, 45, 7, 123)), type: oracledb.DB_TYPE_TIMESTAMP_TZ },
          { val: new Date(Date.UTC(2024, 2, 1, 1, 2, 3, 500)), type: oracledb.DB_TYPE_TIMESTAMP_LTZ },
          { val: ym, type: oracledb.DB_TYPE_INTERVAL_YM }, { val: ds, type: oracledb.DB_TYPE_INTERVAL_DS },
          'Grüße €', 'Grüße €']);
      assert.strictEqual(r.rowsAffected, 1);
      r = await c.execute('insert into nj_more (id, bf, tstz, tsltz, ym, ds, nc, nv) ' +
        'values (:id, :bf, :tstz, :tsltz, :ym, :ds, :nc, :nv)',
        { id: 2, bf: null, tstz: null, tsltz: null, ym: { val: null, type: oracledb.DB_TYPE_INTERVAL_YM },
          ds: { val: null, type: oracledb.DB_TYPE_INTERVAL_DS }, nc: null, nv: '-' });
      assert.strictEqual(r.rowsAffected, 1);
      // the offset form of TIMESTAMP WITH TIME ZONE: a JS Date is the instant (13:45:07.5 at +05:30
      // is 08:15:07.5 UTC); the region form is not used (python-oracledb 1.2.1 cannot read it)
      await c.execute("insert into nj_more (id, tstz, nv) values (3, timestamp '2024-02-29 13:45:07.5 +05:30', 'x')");
      await c.commit();
      r = await c.execute('select id, bf, tstz, tsltz, ym, ds, nc, nv from nj_more order by id');
      assert.deepStrictEqual(r.rows[0], [1, 0.10000000149011612, new Date(Date.UTC(2024, 1, 29, 13, 45, 7, 123)),
        new Date(Date.UTC(2024, 2, 1, 1, 2, 3, 500)), new oracledb.IntervalYM({ years: 1, months: 2 }),
        new oracledb.IntervalDS({ days: 2, hours: 3, minutes: 4, seconds: 5, fseconds: 123456000 }),
        'Grüße €   ', 'Grüße €']);
      assert.ok(r.rows[0][4] instanceof oracledb.IntervalYM && r.rows[0][5] instanceof oracledb.IntervalDS);
      assert.deepStrictEqual(r.rows[1], [2, null, null, null, null, null, null, '-']);
      assert.deepStrictEqual(r.rows[2], [3, null, new Date(Date.UTC(2024, 1, 29, 8, 15, 7, 500)), null, null, null,
        null, 'x']);
      const md = r.metaData;
      assert.deepStrictEqual(md.map((m) => m.name), ['ID', 'BF', 'TSTZ', 'TSLTZ', 'YM', 'DS', 'NC', 'NV']);
      assert.deepStrictEqual(md.map((m) => m.dbType), [oracledb.DB_TYPE_NUMBER, oracledb.DB_TYPE_BINARY_FLOAT,
        oracledb.DB_TYPE_TIMESTAMP_TZ, oracledb.DB_TYPE_TIMESTAMP_LTZ, oracledb.DB_TYPE_INTERVAL_YM,
        oracledb.DB_TYPE_INTERVAL_DS, oracledb.DB_TYPE_NCHAR, oracledb.DB_TYPE_NVARCHAR]);
      assert.deepStrictEqual(md.map((m) => m.nullable), [false, true, true, true, true, true, true, false]);
      // node reports a precision for NUMBER and the timestamps (their fractional digits) only,
      // and byteSize (the size in characters) for text and RAW
      assert.strictEqual(md[2].precision, 6);
      assert.strictEqual(md[3].precision, 6);
      for (const i of [1, 4, 5]) {
        assert.strictEqual(md[i].precision, undefined, md[i].name);
        assert.strictEqual(md[i].scale, undefined, md[i].name);
      }
      assert.strictEqual(md[6].byteSize, 10);
      assert.strictEqual(md[7].byteSize, 20);
      // text binds compare with NCHAR/NVARCHAR2 columns (blank-padded for NCHAR); interval binds too
      r = await c.execute('select id from nj_more where nc = :1 and nv = :2 and ym = :3 and ds = :4',
        ['Grüße €', 'Grüße €', { val: ym, type: oracledb.DB_TYPE_INTERVAL_YM },
          { val: ds, type: oracledb.DB_TYPE_INTERVAL_DS }]);
      assert.deepStrictEqual(r.rows, [[1]]);
      // binds in the national character set form (csfrm 2, AL16UTF16 bytes)
      r = await c.execute('update nj_more set nc = :1, nv = :2 where id = 2',
        [{ val: 'Ωmega', type: oracledb.DB_TYPE_NCHAR }, { val: 'Ωmega ∑ 😀', type: oracledb.DB_TYPE_NVARCHAR }]);
      assert.strictEqual(r.rowsAffected, 1);
      r = await c.execute('select nc, nv from nj_more where id = 2');
      assert.deepStrictEqual(r.rows, [['Ωmega     ', 'Ωmega ∑ 😀']]);
      await c.close();
    });

    await check('ROWID: a valid extended rowid that finds its row again', async () => {
      const c = await oracledb.getConnection({ user: 'demo', password: 'demo', connectString: dsn });
      await c.execute('create table nj_rowid (id number(9), name varchar2(10))');
      await c.executeMany('insert into nj_rowid values (:1, :2)', [[1, 'a'], [2, 'b'], [3, 'c']]);
      let r = await c.execute('select rowid, id from nj_rowid order by id');
      assert.strictEqual(r.metaData[0].name, 'ROWID');
      assert.strictEqual(r.metaData[0].dbType, oracledb.DB_TYPE_ROWID);
      const rows = r.rows;
      for (const [rid] of rows) assert.match(rid, /^[A-Za-z0-9+/]{18}$/);
      assert.strictEqual(new Set(rows.map((x) => x[0])).size, 3);
      for (const [rid, id] of rows) {
        r = await c.execute('select id, name from nj_rowid where rowid = :r', { r: rid });
        assert.deepStrictEqual(r.rows, [[id, 'abc'[id - 1]]]);
      }
      r = await c.execute('update nj_rowid set name = :1 where rowid = :2', ['z', rows[1][0]]);
      assert.strictEqual(r.rowsAffected, 1);
      r = await c.execute('select name from nj_rowid order by id');
      assert.deepStrictEqual(r.rows, [['a'], ['z'], ['c']]);
      await c.close();
    });

    await check('BOOLEAN columns: 23ai only (ORA-00902 before)', async () => {
      const c = await oracledb.getConnection({ user: 'demo', password: 'demo', connectString: dsn });
      if (profile !== '23') {
        await assert.rejects(c.execute('create table nj_bool (id number, flag boolean)'), (e) => {
          assert.strictEqual(e.errorNum, 902);
          assert.match(e.message, /^ORA-00902: invalid datatype/);
          return true;
        });
        await c.close();
        return;
      }
      await c.execute('create table nj_bool (id number(9), flag boolean)');
      await c.execute('insert into nj_bool values (:1, :2)', [1, true]);
      await c.execute('insert into nj_bool values (:id, :flag)', { id: 2, flag: false });
      await c.execute('insert into nj_bool values (:1, :2)', [3, { val: null, type: oracledb.DB_TYPE_BOOLEAN }]);
      const r = await c.execute('select id, flag from nj_bool order by id');
      assert.deepStrictEqual(r.rows, [[1, true], [2, false], [3, null]]);
      assert.strictEqual(r.metaData[1].dbType, oracledb.DB_TYPE_BOOLEAN);
      assert.strictEqual(r.metaData[1].nullable, true);
      await c.close();
    });

    await check('non-ASCII text in SQL and in binds (any database character set)', async () => {
      const c = await oracledb.getConnection({ user: 'demo', password: 'demo', connectString: dsn });
      await c.execute('create table nj_text (v varchar2(40))');
      await c.execute("insert into nj_text values ('Grüße')");
      await c.execute('insert into nj_text values (:1)', ['Straße']);
      let r = await c.execute("select v, 'Größe' as g from nj_text order by v");
      assert.deepStrictEqual(r.rows, [['Grüße', 'Größe'], ['Straße', 'Größe']]);
      r = await c.execute('select count(*) from nj_text where v = :1', ['Straße']);
      assert.deepStrictEqual(r.rows, [[1]]);
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
