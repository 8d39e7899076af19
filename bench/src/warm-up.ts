// Warms each server before anything is measured. A fresh API process needs ~10,000 requests
// before V8 has optimised its hot paths: measured here, auth.me over tRPC cost 4 ms of CPU for
// the first 1,500 requests and 1 ms after 10,000. A 10 s scenario at a few hundred rps would
// otherwise measure a cold server, which no long-running production server is.
import type { LoadWorker } from './load';
import type { RequestSpec } from './load-spec';
import type { ServerProcess } from './processes';
import { type Face, listRequest, meRequest } from './scenarios';

export interface WarmUp {
  load: LoadWorker;
  connections: number;
  durationSec: number;
  normalTokens: string[];
  bigTokens: string[];
}

/** Read-only traffic (auth.me and lists, interleaved), so no face sees other faces' writes. */
export async function warmUp(warm: WarmUp, server: ServerProcess, face: Face): Promise<void> {
  const requests: RequestSpec[] = warm.normalTokens.flatMap((token, i) => [
    meRequest(face, token),
    listRequest(face, token),
    listRequest(face, warm.bigTokens[i % warm.bigTokens.length] ?? token),
  ]);
  // Its figures are of no interest, and a face not served yet only answers 404s here.
  await warm.load.run({
    url: server.url,
    connections: warm.connections,
    durationSec: warm.durationSec,
    requests,
  });
}
