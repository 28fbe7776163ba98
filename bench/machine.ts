import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Machine {
  cpu: string;
  cores: number;
  ramGiB: number;
  os: string;
  node: string;
  pglite: string;
  postgres: string;
  date: string;
}

function packageVersion(name: string): string {
  try {
    const file = path.resolve('node_modules', name, 'package.json');
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

export function machine(postgres: string): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism?.() ?? cpus.length,
    ramGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    pglite: packageVersion('@electric-sql/pglite'),
    postgres,
    date: new Date().toISOString(),
  };
}

export function printMachine(m: Machine) {
  console.log('Machine');
  console.log(`  CPU         ${m.cpu} × ${m.cores} cores`);
  console.log(`  RAM         ${m.ramGiB} GiB`);
  console.log(`  OS          ${m.os}`);
  console.log(`  Node        ${m.node}`);
  console.log(`  PostgreSQL  ${m.postgres}`);
  console.log(`  PGlite      ${m.pglite}`);
  console.log(`  Date        ${m.date}`);
}

/** Busy and total CPU time of the whole machine, in seconds (from /proc/stat). */
function machineCpu(): { busy: number; total: number } {
  try {
    const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const total = f.reduce((a, b) => a + b, 0);
    return { busy: (total - f[3] - (f[4] ?? 0)) / 100, total: total / 100 };
  } catch {
    return { busy: 0, total: 0 };
  }
}

/** CPU seconds used by these processes (user + system), from /proc/<pid>/stat. */
export function pidsCpu(pids: number[]): number {
  let sum = 0;
  for (const pid of pids) {
    try {
      const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      sum += (Number(f[11]) + Number(f[12])) / 100;
    } catch {
      // gone
    }
  }
  return sum;
}

export interface CpuShare {
  /** Cores used on average by this process (server and load generator threads). */
  bench: number;
  /** Cores used by the benchmark's PostgreSQL server. */
  postgres: number;
  /** Cores used by everything else on the machine: the benchmark is not alone when this is high. */
  other: number;
}

/** Starts measuring who used the CPU; call the result to stop. The machine is shared, so say so. */
export function watchCpu(postgresPids: () => number[] = () => []): () => CpuShare {
  const wall0 = process.hrtime.bigint();
  const m0 = machineCpu();
  const own0 = process.cpuUsage();
  const pg0 = pidsCpu(postgresPids());
  return () => {
    const wall = Number(process.hrtime.bigint() - wall0) / 1e9;
    const own = process.cpuUsage(own0);
    const bench = (own.user + own.system) / 1e6 / wall;
    const postgres = Math.max(0, pidsCpu(postgresPids()) - pg0) / wall;
    const busy = (machineCpu().busy - m0.busy) / wall;
    return { bench, postgres, other: Math.max(0, busy - bench - postgres) };
  };
}

export const cpuText = (c: CpuShare) => `CPU: bench ${c.bench.toFixed(2)}, postgres ${c.postgres.toFixed(2)}, other processes ${c.other.toFixed(2)} cores`;
