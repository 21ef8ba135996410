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

// Runs `work` and returns its result with the server CPU it cost per request (`requests` counted by the caller).
export async function cpuPerRequest<T extends { count: number }>(pid: number | undefined, work: () => Promise<T>) {
  const before = pid ? serverCpuMs(pid) : 0;
  const result = await work();
  const cpuMs = pid ? serverCpuMs(pid) - before : NaN;
  return { ...result, serverCpuMsPerRequest: pid && result.count ? Math.round((cpuMs / result.count) * 100) / 100 : null };
}
