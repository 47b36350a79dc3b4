// The sandbox's running containers keep writing: every few seconds a line goes to each seeded log
// stream of the web service (PutLogEvents through moto's JSON API), so Follow Logs visibly follows.
// Stopped with the returned function. Only for `npm start`.

const TARGET = 'Logs_20140328.PutLogEvents';

async function put(endpoint, logGroupName, logStreamName, message) {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': TARGET,
      // moto does not check signatures; the region comes from the credential scope.
      authorization:
        'AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/logs/aws4_request, SignedHeaders=host, Signature=0',
    },
    body: JSON.stringify({ logGroupName, logStreamName, logEvents: [{ timestamp: Date.now(), message }] }),
  });
  await res.arrayBuffer();
}

/** Starts the ticker; `logs` is the seed's `{ groups, streams }`. Returns a stop function. */
export function startLogTicker(endpoint, logs, everyMs = 3000) {
  const streams = logs?.streams?.['/ecs/web'] ?? [];
  if (streams.length === 0) return () => undefined;
  let n = 0;
  const timer = setInterval(() => {
    n++;
    for (const stream of streams)
      put(endpoint, '/ecs/web', stream, `GET /health 200 ${(Math.random() * 3).toFixed(1)}ms (tick ${n})`).catch(
        () => undefined,
      );
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
