// Runs the core benchmark for a list of inputs in a worker thread, so the main thread can stop it
// (worker.terminate) when one analysis takes longer than the time limit: a tick precedes every call.
import { parentPort, workerData } from 'node:worker_threads';
import { benchAnalyze, loadService } from './core.mjs';

const service = await loadService();
for (const input of workerData.inputs) {
  const tick = () => parentPort.postMessage({ tick: input.lines });
  parentPort.postMessage({ result: benchAnalyze(service, input, workerData.options, tick) });
}
