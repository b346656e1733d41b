// node-oracledb 26 (thin mode) as the judge of TCPS in `oranet emulate
// --tls` (issue 8). Usage: node tls_judge.js <path to oranet>
// Makes a throwaway PKI with the openssl command in a temporary directory (a
// CA, a server certificate for 127.0.0.1/localhost, one from another CA, a
// client certificate, and a PEM wallet ewallet.pem as node-oracledb reads
// it: the client's certificate and key plus the CA), starts emulators with
// it and asserts what node-oracledb gets over TLS. No key is kept.
'use strict';

const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, execFileSync } = require('child_process');
const oracledb = require('oracledb');

const oranet = process.argv[2];

function makePki() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oranet-tls-judge-'));
  const run = (args) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  const key = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  fs.writeFileSync(path.join(dir, 'server.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\n');
  fs.writeFileSync(path.join(dir, 'client.ext'), 'extendedKeyUsage=clientAuth\n');
  run(['req', '-x509', ...key, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '30', '-subj', '/CN=oranet judge CA']);
  run(['req', '-x509', ...key, '-keyout', 'other_ca.key', '-out', 'other_ca.pem', '-days', '30', '-subj', '/CN=other CA']);
  run(['req', ...key, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=localhost/O=oranet tests']);
  run(['req', ...key, '-keyout', 'client.key', '-out', 'client.csr', '-subj', '/CN=oranet judge client']);
  const sign = (csr, ca, ext, out) => run(['x509', '-req', '-in', csr, '-CA', `${ca}.pem`, '-CAkey', `${ca}.key`,
    '-CAcreateserial', '-days', '30', '-extfile', ext, '-out', out]);
  sign('server.csr', 'ca', 'server.ext', 'server.pem');
  sign('server.csr', 'other_ca', 'server.ext', 'other.pem');
  sign('client.csr', 'ca', 'client.ext', 'client.pem');
  fs.mkdirSync(path.join(dir, 'wallet'));
  fs.writeFileSync(path.join(dir, 'wallet', 'ewallet.pem'),
    ['client.pem', 'client.key', 'ca.pem'].map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join(''));
  return dir;
}

function startEmulator(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(oranet, ['emulate', '--listen', '127.0.0.1:0', '--user', 'demo/demo:12c'].concat(args),
      { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    const timer = setTimeout(() => reject(new Error('emulator did not start: ' + out)), 15000);
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`emulator exited with ${code}: ${out}`)));
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

async function loginAndQuery(opts) {
  const c = await oracledb.getConnection({ user: 'demo', password: 'demo', connectTimeout: 10, ...opts });
  try {
    const r = await c.execute("select 6 * 7 as n, 'tls' as s from dual");
    assert.deepStrictEqual(r.rows, [[42, 'tls']]);
    assert.deepStrictEqual(r.metaData.map((m) => m.name), ['N', 'S']);
    await c.ping();
  } finally {
    await c.close();
  }
}

async function withEmulator(args, fn) {
  const { child, port } = await startEmulator(args);
  child.removeAllListeners('exit');
  try {
    await fn(port);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r() : child.on('exit', r)));
  }
}

async function main() {
  assert.ok(oracledb.thin, 'node-oracledb runs in thin mode');
  const dir = makePki();
  const wallet = path.join(dir, 'wallet');
  const at = (f) => path.join(dir, f);
  try {
    await withEmulator(['--tls', at('server.pem'), at('server.key')], async (port) => {
      await check('TLS login and query with the wallet (host name checked)', async () => {
        await loginAndQuery({ connectString: `tcps://127.0.0.1:${port}/FREEPDB1`, walletLocation: wallet });
      });
      await check('TLS login with wallet_location in the connect string', async () => {
        await loginAndQuery({ connectString: `tcps://127.0.0.1:${port}/FREEPDB1?wallet_location=${wallet}` });
      });
      await check('TLS login with the server certificate DN to match', async () => {
        await loginAndQuery({ connectString: `tcps://127.0.0.1:${port}/FREEPDB1`, walletLocation: wallet,
          sslServerCertDN: 'CN=localhost,O=oranet tests' });
      });
      await check('TLS login by host name localhost', async () => {
        await loginAndQuery({ connectString: `tcps://localhost:${port}/FREEPDB1`, walletLocation: wallet });
      });
    });

    await withEmulator(['--tls', at('server.pem'), at('server.key'), '--tls-ca', at('ca.pem')], async (port) => {
      await check('mutual TLS: the wallet\'s client certificate is accepted', async () => {
        await loginAndQuery({ connectString: `tcps://127.0.0.1:${port}/FREEPDB1`, walletLocation: wallet });
      });
    });

    await withEmulator(['--tls', at('other.pem'), at('server.key')], async (port) => {
      await check('a server certificate from another CA is refused', async () => {
        await assert.rejects(
          oracledb.getConnection({ user: 'demo', password: 'demo', connectTimeout: 10,
            connectString: `tcps://127.0.0.1:${port}/FREEPDB1`, walletLocation: wallet }),
          (e) => {
            assert.match(e.message, /certificate/i);
            return true;
          });
      });
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const failed = results.filter((r) => !r).length;
  console.log(`${results.length - failed}/${results.length} passed`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
