// What every node-oracledb judge of `oranet emulate` shares: starting the
// emulator on a free loopback port, and recording named checks.
'use strict';

const { spawn } = require('child_process');

// Starts `<oranet> emulate --listen 127.0.0.1:0 <args...>`; resolves with the
// child and the port it printed ("listening on HOST:PORT").
function startEmulator(oranet, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(oranet, ['emulate', '--listen', '127.0.0.1:0'].concat(args),
      { stdio: ['ignore', 'pipe', 'inherit'] });
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

// One result per check, printed as "ok - name" or "not ok - name".
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

module.exports = { startEmulator, check, results };
