// A small node-oracledb (thin) session for the proxy capture test:
// node node_client.js PORT  (NODE_PATH points at tests/peers/node/node_modules)
const oracledb = require('oracledb');
(async () => {
  const c = await oracledb.getConnection({ user: 'demo', password: 'demo', connectString: `127.0.0.1:${process.argv[2]}/FREEPDB1` });
  const r = await c.execute("select 42 as n, 'node' as s from dual");
  console.log(JSON.stringify(r.rows));
  try {
    await c.execute('select * from no_such_table');
  } catch (e) {
    console.log(e.message.split('\n')[0]);
  }
  await c.close();
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
