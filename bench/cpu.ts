/** The pure arithmetic of `npm run bench`: a process's CPU time from /proc/<pid>/stat, and a measured row. */

/** utime and stime, in clock ticks, from the text of /proc/<pid>/stat. */
export function parseProcStat(text: string): { utime: number; stime: number } {
  // The command name (field 2) is in parentheses and may hold spaces and parentheses: count fields after the last ')'.
  const close = text.lastIndexOf(')');
  if (close < 0) throw new Error(`not a /proc/<pid>/stat line: ${text.slice(0, 80)}`);
  const fields = text.slice(close + 2).trim().split(/\s+/);
  // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isInteger(utime) || !Number.isInteger(stime)) throw new Error(`no utime/stime in /proc/<pid>/stat: ${text.slice(0, 80)}`);
  return { utime, stime };
}

/** CPU milliseconds of user plus system time, given clock ticks per second (getconf CLK_TCK). */
export function cpuMs(stat: { utime: number; stime: number }, ticksPerSecond: number): number {
  return ((stat.utime + stat.stime) * 1000) / ticksPerSecond;
}

/** One load run against one server: requests answered, seconds it lasted, the server's CPU ms before and after. */
export interface Run {
  requests: number;
  seconds: number;
  cpuMsBefore: number;
  cpuMsAfter: number;
}

export function requestsPerSecond(run: Run): number {
  return run.requests / run.seconds;
}

export function cpuMsPerRequest(run: Run): number {
  if (run.requests === 0) throw new Error('no requests answered: CPU per request is undefined');
  return (run.cpuMsAfter - run.cpuMsBefore) / run.requests;
}

/** A report row: the API's run beside the bare baseline's on the same response bytes. */
export function row(query: string, bytes: number, baseline: Run, api: Run) {
  const baselineRps = requestsPerSecond(baseline);
  const apiRps = requestsPerSecond(api);
  return {
    query,
    bytes,
    baselineRps,
    apiRps,
    ratio: apiRps / baselineRps,
    apiCpuMsPerRequest: cpuMsPerRequest(api),
    baselineCpuMsPerRequest: cpuMsPerRequest(baseline),
  };
}
