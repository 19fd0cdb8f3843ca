/**
 * `tsx examples/sample-apiserver/main.ts --requestheader-client-ca-file <ca> [flags]`: the sample
 * aggregated API server (wardle.example.com). Register it with kapi through a Service, its
 * Endpoints and an APIService (see README.md). SIGTERM or SIGINT shut it down gracefully.
 */
import { Command } from 'commander';
import { addSampleServerFlags, completeSampleOptions, sampleOptionsFrom, validateSampleOptions } from './options.js';
import { createSampleServer } from './server.js';

async function run(values: Record<string, unknown>): Promise<void> {
  const options = sampleOptionsFrom(values);
  const errors = validateSampleOptions(options);
  if (errors.length > 0) {
    for (const error of errors) process.stderr.write(`sample-apiserver: ${error}\n`);
    process.exit(2);
  }
  const sample = await createSampleServer(completeSampleOptions(options));
  const stop = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stop.signal.aborted) process.exit(1);
    sample.logging.logger.info({ signal }, 'shutting down');
    stop.abort();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  const prepared = sample.server.prepareRun();
  const address = await prepared.start();
  sample.logging.logger.info({ port: address.port }, `ready: serving wardle.example.com on https://${address.address}:${address.port}`);
  if (!stop.signal.aborted) await new Promise<void>((resolve) => stop.signal.addEventListener('abort', () => resolve(), { once: true }));
  await prepared.shutdown();
  await sample.close();
  sample.logging.logger.flush();
}

const program = addSampleServerFlags(new Command('sample-apiserver').description('a sample aggregated API server built with kapi')).action(
  async (values: Record<string, unknown>) => {
    await run(values);
  },
);

program.parseAsync(process.argv).then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    process.stderr.write(`sample-apiserver: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
