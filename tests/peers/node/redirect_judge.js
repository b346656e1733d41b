// node-oracledb 26 (thin mode) as the judge of `oranet emulate --redirect-to`
// (issue 8): a listener that answers every CONNECT with a REDIRECT (the data
// in the DATA packet after it, header flag 0x02: "address NUL connect data").
// node-oracledb must follow it to the target emulator and log in there; two
// listeners redirecting to each other must make it give up (it allows two
// redirects, then ERR_TOO_MANY_REDIRECTS).
// Usage: node redirect_judge.js <path to oranet>
'use strict';

const assert = require('assert');
const net = require('net');
const { spawn } = require('child_process');
const oracledb = require('oracledb');

const oranet = process.argv[2];
const children = [];

function startEmulator(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(oranet, ['emulate', '--listen', '127.0.0.1:0', '--user', 'demo/demo:12c'].concat(args),
      { stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(child);
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

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
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
  try {
    const target = await startEmulator([]);
    const direct = await oracledb.getConnection({ user: 'demo', password: 'demo', connectTimeout: 10,
      connectString: `127.0.0.1:${target.port}/FREEPDB1` });
    await direct.execute('create table redirect_mark (n number, s varchar2(20))');
    await direct.execute("insert into redirect_mark values (7, 'target')");
    await direct.commit();
    await direct.close();

    const listener = await startEmulator(['--redirect-to', `127.0.0.1:${target.port}`]);
    await check('a redirect is followed: login and query at the target', async () => {
      const c = await oracledb.getConnection({ user: 'demo', password: 'demo', connectTimeout: 10,
        connectString: `127.0.0.1:${listener.port}/FREEPDB1` });
      try {
        const r = await c.execute('select n, s from redirect_mark');
        assert.deepStrictEqual(r.rows, [[7, 'target']]);
        await c.ping();
      } finally {
        await c.close();
      }
    });
    await check('a redirect is followed for a full descriptor too', async () => {
      const c = await oracledb.getConnection({ user: 'demo', password: 'demo', connectTimeout: 10,
        connectString: `(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=127.0.0.1)(PORT=${listener.port}))` +
          '(CONNECT_DATA=(SERVICE_NAME=FREEPDB1)))' });
      try {
        const r = await c.execute("select 6 * 7 from dual");
        assert.deepStrictEqual(r.rows, [[42]]);
      } finally {
        await c.close();
      }
    });

    const bPort = await freePort();
    const a = await startEmulator(['--redirect-to', `127.0.0.1:${bPort}`]);
    await startEmulator(['--listen', `127.0.0.1:${bPort}`, '--redirect-to', `127.0.0.1:${a.port}`]);
    await check('listeners redirecting to each other: node gives up', async () => {
      const start = Date.now();
      await assert.rejects(
        oracledb.getConnection({ user: 'demo', password: 'demo', connectTimeout: 10,
          connectString: `127.0.0.1:${a.port}/FREEPDB1` }),
        (e) => {
          assert.match(e.message, /redirect/i);
          return true;
        });
      assert.ok(Date.now() - start < 8000, 'took too long');
    });
  } finally {
    for (const c of children) c.kill('SIGTERM');
  }
  const failed = results.filter((r) => !r).length;
  console.log(`${results.length - failed}/${results.length} passed`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  for (const c of children) c.kill('SIGTERM');
  process.exit(1);
});
