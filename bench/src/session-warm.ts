// Before each measured run, every token's session is checked in every server process, so each
// face starts from the same session cache. Without it the order of the faces decided the
// figures: autocannon's connections all cycle through the token list from its start, so a 1 s
// warm-up reaches only the first few dozen tokens, the face measured first paid for caching the
// rest, and the face after it found them cached (auth.me measured tRPC first: 0.45 against 0.26
// ms of CPU a request; REST first: REST 0.37 against tRPC 0.28).
import type { Face } from './scenarios';
import { meRequest } from './scenarios';

/** Each token this many times, in shuffled order: a process misses one with p = 2^-ROUNDS. */
const ROUNDS = 6;
const CONCURRENCY = 16;

export async function warmSessions(url: string, face: Face, tokens: string[]): Promise<void> {
  const order = Array.from({ length: ROUNDS }, () => tokens).flat();
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  let next = 0;
  const worker = async () => {
    while (next < order.length) {
      const spec = meRequest(face, order[next++]!);
      // The answer does not matter (a face not served yet answers 404), only that it was asked.
      const res = await fetch(`${url}${spec.path}`, { headers: spec.headers });
      await res.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}
