/** The bench's load generator, run in its own process: autocannon with the options in argv[2]; prints the result as JSON. */
import autocannon from 'autocannon';

const { url, body, connections, seconds } = JSON.parse(process.argv[2]) as { url: string; body: string; connections: number; seconds: number };
const result = await autocannon({
  url,
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body,
  connections,
  duration: seconds,
  // An answer with GraphQL errors (QUERY_TIMEOUT, say) still has status 200: count it as a mismatch. autocannon
  // decodes the body chunk by chunk, so a Chinese character may be split: compare markers, not the whole body.
  verifyBody: (received) => String(received).startsWith('{"data":') && !String(received).includes('"errors":'),
});
console.log(JSON.stringify({ requests: result.requests.total, seconds: result.duration, non2xx: result.non2xx, mismatches: result.mismatches, errors: result.errors, timeouts: result.timeouts, p50: result.latency.p50, p99: result.latency.p99 }));
