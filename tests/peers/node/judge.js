// node-oracledb 26 (thin mode) as a judge of `oranet emulate` (issue 5).
// Usage: node judge.js <path to oranet> [profile]
// Starts a fresh emulator on a free port, runs the workload, asserts the
// exact values node-oracledb reports, and stops the emulator. Any failure is
// an emulator bug (or a misunderstanding of ours), never a reason to relax
// an assertion.
'use strict';

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
