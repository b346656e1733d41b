#!/usr/bin/env bash
# The demo: installs dependencies, builds oranet, starts `oranet emulate` on a
# free loopback port and runs queries against it through `oranet sql`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/release -j2 --target oranet_cli
oranet=build/release/tools/oranet
"$oranet" --version
conn='demo/demo@127.0.0.1:@PORT@/FREEPDB1'
exec scripts/with-emulator.sh "$oranet" -- "$oranet" sql "$conn" --format csv \
  -e "create table emp (id number(6) primary key, name varchar2(40) not null, salary number(9,2), hired date)" \
  -e "insert into emp values (1, 'Ada', 5200.50, date '2021-03-01')" \
  -e "insert into emp values (2, 'Grace', 6100, date '2019-11-15')" \
  -e "insert into emp values (3, 'Linus', null, sysdate)" \
  -e "begin for i in 4 .. 6 loop insert into emp values (i, 'Emp ' || i, 1000 * i, date '2024-01-01' + i); end loop; end;" \
  -e "commit" \
  -e "select id, name, salary, to_char(hired, 'YYYY') as year from emp where id < 3 order by id" \
  -e "select count(*) as n, sum(salary) as total from emp" \
  -e "select level as n, level * level as square from dual connect by level <= 5"
