/**
 * `kapi serve` with the kube tier's REST installer plugged into the server chain, as the e2e
 * tests run it: the same flags, chain and shutdown as runtime/cmd/main.ts.
 */
import { Command } from 'commander';
import { kubeRestInstaller } from '../../../runtime/apiservers/kube/index.js';
import { addServeFlags, completeServeOptions, serveOptionsFrom, validateServeOptions } from '../../../runtime/cmd/options.js';
import { createServerChain, runServerChain } from '../../../runtime/cmd/server.js';

const command = addServeFlags(new Command('serve')).action(async (values: Record<string, unknown>) => {
  const options = serveOptionsFrom(values);
  const errors = validateServeOptions(options);
  if (errors.length > 0) throw new Error(errors.join('; '));
  const completed = completeServeOptions(options);
  const chain = await createServerChain(completed, {
    restInstaller: (context) => kubeRestInstaller({ scheme: context.scheme, storage: context.storage, admission: context.admission, metrics: context.metrics }),
  });
  const stop = new AbortController();
  process.once('SIGTERM', () => stop.abort());
  process.once('SIGINT', () => stop.abort());
  await runServerChain(chain, completed, stop.signal);
});

command.parseAsync(process.argv).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`serve: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
