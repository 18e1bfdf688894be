/** Worker thread entry: parses the inputs the property tests send, one at a time (see parseRunner.ts). */
import { parentPort } from 'node:worker_threads';
import { runOne, type RunRequest } from './parseRunner';

parentPort!.on('message', (req: RunRequest) => {
  void runOne(req).then((reply) => parentPort!.postMessage(reply));
});
parentPort!.postMessage('ready');
