/**
 * `kapi`: the command line. `kapi serve` runs the API server (npm start); flags use
 * kube-apiserver's names. SIGTERM or SIGINT shut it down gracefully; a second signal exits at once.
 */
import path from 'node:path';
import { Command } from 'commander';
import { podDiscoverySubresources } from '../apiservers/kube/pod-subresources/index.js';
import { serviceAccountDiscoverySubresources, serviceAccountTokenAuthenticator } from '../apiservers/kube/reviews/index.js';
import { aggregatorTier } from './aggregator-tier.js';
import { extensionsTier } from './extensions-tier.js';
import { kubeTierInstaller } from './kube-tier.js';
import { addServeFlags, completeServeOptions, serveOptionsFrom, validateServeOptions } from './options.js';
import { createServerChain, runServerChain } from './server.js';

async function serve(values: Record<string, unknown>): Promise<void> {
  const options = serveOptionsFrom(values);
  const errors = validateServeOptions(options);
  if (errors.length > 0) {
    for (const error of errors) process.stderr.write(`kapi serve: ${error}\n`);
    process.exit(2);
  }
  const completed = completeServeOptions(options);
  // Service account tokens (kubectl create token) are signed with a key kept beside the certificates.
  const serviceAccountTokens = serviceAccountTokenAuthenticator(path.join(completed.dataDir, 'pki', 'sa.key'));
  const chain = await createServerChain(completed, {
    authenticators: [serviceAccountTokens],
    restInstaller: kubeTierInstaller(serviceAccountTokens),
    extensionsTier: extensionsTier(),
    aggregatorTier: aggregatorTier(),
    discoverySubresources: (group, version, resource) => [
      ...podDiscoverySubresources(group, version, resource),
      ...serviceAccountDiscoverySubresources(group, version, resource),
    ],
  });
  const stop = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stop.signal.aborted) {
      chain.logging.logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    chain.logging.logger.info({ signal }, 'shutting down');
    stop.abort();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  await runServerChain(chain, completed, stop.signal);
  chain.logging.logger.flush();
}

export function program(): Command {
  const root = new Command('kapi').description('Kubernetes-style API servers in TypeScript');
  addServeFlags(root.command('serve').description('run the API server')).action(async (values: Record<string, unknown>) => {
    await serve(values);
  });
  return root;
}

program()
  .parseAsync(process.argv)
  .then(
    () => process.exit(process.exitCode ?? 0),
    (error: unknown) => {
      process.stderr.write(`kapi: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
