import { describe, expect, it } from 'vitest';
import { cpuMs, cpuMsPerRequest, parseProcStat, requestsPerSecond, row } from '../bench/cpu.js';
import { displayWidth, table } from '../bench/table.js';

// A real line of /proc/<pid>/stat (node, 52 fields), with utime 1234 and stime 56.
const STAT = '4242 (node) S 4200 4242 4200 34816 4242 4194560 25013 0 0 0 1234 56 0 0 20 0 11 0 1805231 1163218944 30721 18446744073709551615 1 1 0 0 0 0 0 4096 134234626 0 0 0 17 0 0 0 0 0 0 0 0 0 0 0 0 0 0';

describe('the bench arithmetic', () => {
  it('reads utime and stime from a /proc/<pid>/stat line', () => {
    expect(parseProcStat(STAT)).toEqual({ utime: 1234, stime: 56 });
  });

  it('reads them after a command name holding spaces and parentheses', () => {
    expect(parseProcStat(STAT.replace('(node)', '(my (odd) name)'))).toEqual({ utime: 1234, stime: 56 });
  });

  it('refuses text that is not a stat line', () => {
    expect(() => parseProcStat('no parentheses here')).toThrow(/not a \/proc/);
    expect(() => parseProcStat('1 (x) S 2')).toThrow(/no utime\/stime/);
  });

  it('turns clock ticks into milliseconds', () => {
    expect(cpuMs({ utime: 1234, stime: 56 }, 100)).toBe(12_900);
    expect(cpuMs({ utime: 3, stime: 1 }, 250)).toBe(16);
  });

  it('reports requests per second, CPU ms per request and the ratio of the API to its baseline', () => {
    const baseline = { requests: 100_000, seconds: 5, cpuMsBefore: 1000, cpuMsAfter: 3000 };
    const api = { requests: 10_000, seconds: 5, cpuMsBefore: 500, cpuMsAfter: 4500 };
    expect(requestsPerSecond(api)).toBe(2000);
    expect(cpuMsPerRequest(api)).toBe(0.4);
    expect(row('q', 277, baseline, api)).toEqual({ query: 'q', bytes: 277, baselineRps: 20_000, apiRps: 2000, ratio: 0.1, apiCpuMsPerRequest: 0.4, baselineCpuMsPerRequest: 0.02 });
  });

  it('refuses CPU per request when no request was answered', () => {
    expect(() => cpuMsPerRequest({ requests: 0, seconds: 5, cpuMsBefore: 0, cpuMsAfter: 10 })).toThrow(/no requests/);
  });

  it('aligns table columns by display width, Chinese characters taking two columns', () => {
    expect(displayWidth('液冷 x')).toBe(6);
    expect(table([['query', 'n'], ['液冷', '12'], ['abc', '3']])).toBe('query   n\n液冷   12\nabc     3');
  });
});
