import { readFileSync, readdirSync } from 'node:fs';

// CPU time a server spends, read from /proc (Linux): user + system time of a process and all its descendants (the
// npm launcher, next-server and, on the embedded database, PGlite in the launcher's process). Divided by the requests
// served meanwhile, it is a cost per request that does not depend on how busy the rest of the machine is.
const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const ppid = Number(/PPid:\s+(\d+)/.exec(readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // process ended
    }
  }
  const tree: number[] = [];
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    tree.push(p);
    stack.push(...(children.get(p) ?? []));
  }
  return tree;
}

function cpuMsOf(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces, so split after its closing parenthesis): utime is the
    // 14th field of the line, stime the 15th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

// Milliseconds of CPU the server's process tree has used so far.
export function serverCpuMs(pid: number): number {
  return processTree(pid).reduce((sum, p) => sum + cpuMsOf(p), 0);
}

// The CPU the server's process tree uses while no request is sent (the job queue's polls, the sweepers' timers, the
// embedded database's own housekeeping), in milliseconds per second, over `ms` of quiet.
export async function idleCpuMsPerSecond(pid: number, ms = 5000): Promise<number> {
  const before = serverCpuMs(pid);
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, ms));
  return ((serverCpuMs(pid) - before) * 1000) / (performance.now() - t0);
}

// Runs `work` and returns its result with the server CPU it cost per request (`requests` counted by the caller).
// Given the server's idle rate (idleCpuMsPerSecond), it also gives the cost net of that background, which a paced
// loop would otherwise charge to its requests in proportion to how long it runs rather than to how many it sends.
export async function cpuPerRequest<T extends { count: number }>(
  pid: number | undefined,
  work: () => Promise<T>,
  { idleMsPerSecond }: { idleMsPerSecond?: number } = {},
) {
  const before = pid ? serverCpuMs(pid) : 0;
  const t0 = performance.now();
  const result = await work();
  const elapsedMs = performance.now() - t0;
  const cpuMs = pid ? serverCpuMs(pid) - before : NaN;
  const perRequest = (ms: number) => (pid && result.count ? Math.round((ms / result.count) * 100) / 100 : null);
  return {
    ...result,
    serverCpuMsPerRequest: perRequest(cpuMs),
    ...(idleMsPerSecond === undefined ? {} : { serverCpuMsPerRequestNet: perRequest(cpuMs - (idleMsPerSecond * elapsedMs) / 1000) }),
  };
}
