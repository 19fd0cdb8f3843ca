/** kapi serve flags: names and defaults as kube-apiserver's, validation and completion. */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Command } from 'commander';
import { addServeFlags, completeServeOptions, serveOptionsFrom, validateServeOptions, type ServeOptions } from '../../runtime/cmd/options.js';

function parse(args: string[]): ServeOptions {
  const command = addServeFlags(new Command('serve').exitOverride());
  command.parse(args, { from: 'user' });
  return serveOptionsFrom(command.opts());
}

describe('serve flags', () => {
  it('defaults', () => {
    const o = parse([]);
    assert.equal(o.securePort, 6443);
    assert.equal(o.bindAddress, '127.0.0.1');
    assert.deepEqual(o.etcdServers, []);
    assert.equal(o.dataDir, './.kapi');
    assert.deepEqual(o.authorizationMode, ['AlwaysAllow']);
    assert.equal(o.maxRequestsInflight, 400);
    assert.equal(o.maxMutatingRequestsInflight, 200);
    assert.equal(o.requestTimeoutMs, 60_000);
    assert.equal(o.anonymousAuth, true);
    assert.equal(o.verbosity, 0);
  });
  it('feature gates: known names with Go booleans; unknown names refused', () => {
    assert.deepEqual(parse([]).featureGates, { AggregatedDiscoveryEndpoint: true });
    assert.deepEqual(parse(['--feature-gates=AggregatedDiscoveryEndpoint=false']).featureGates, { AggregatedDiscoveryEndpoint: false });
    assert.deepEqual(parse(['--feature-gates', 'AggregatedDiscoveryEndpoint=F']).featureGates, { AggregatedDiscoveryEndpoint: false });
    assert.throws(() => parse(['--feature-gates=NoSuchGate=true']), /unrecognized feature gate: NoSuchGate/);
    assert.throws(() => parse(['--feature-gates=AggregatedDiscoveryEndpoint']), /missing bool value/);
  });
  it('etcd compaction interval: 5m by default, a Go duration, 0 disables', () => {
    assert.equal(parse([]).compactionIntervalMs, 300_000);
    assert.equal(parse(['--etcd-compaction-interval=1s']).compactionIntervalMs, 1000);
    assert.equal(parse(['--etcd-compaction-interval=0']).compactionIntervalMs, 0);
  });
  it('watch cache sizes: resource[.group]#size, 0 allowed', () => {
    assert.deepEqual([...parse([]).watchCacheSizes], []);
    const sizes = parse(['--watch-cache-sizes=podtemplates#4,deployments.apps#0']).watchCacheSizes;
    assert.deepEqual([...sizes], [['podtemplates', 4], ['deployments.apps', 0]]);
    assert.throws(() => parse(['--watch-cache-sizes=pods#-1']), /invalid value of watch cache size: pods#-1/);
    assert.throws(() => parse(['--watch-cache-sizes=pods']), /invalid value of watch cache size/);
  });
  it('reads every flag', () => {
    const o = parse([
      '--secure-port=7443',
      '--bind-address',
      '0.0.0.0',
      '--etcd-servers=http://127.0.0.1:2379,http://127.0.0.2:2379',
      '--data-dir=/tmp/x',
      '--client-ca-file=ca.crt',
      '--tls-cert-file=s.crt',
      '--tls-private-key-file=s.key',
      '--token-auth-file=tokens.csv',
      '--anonymous-auth=false',
      '--authorization-mode=AlwaysDeny,AlwaysAllow',
      '--enable-admission-plugins=NamespaceLifecycle,LimitRanger',
      '--disable-admission-plugins=ServiceAccount',
      '--max-requests-inflight=10',
      '--max-mutating-requests-inflight=5',
      '--request-timeout=30s',
      '--shutdown-delay-duration=2s',
      '--audit-log-path=-',
      '-v',
      '4',
    ]);
    assert.deepEqual(o.etcdServers, ['http://127.0.0.1:2379', 'http://127.0.0.2:2379']);
    assert.deepEqual(o.authorizationMode, ['AlwaysDeny', 'AlwaysAllow']);
    assert.deepEqual(o.enableAdmissionPlugins, ['NamespaceLifecycle', 'LimitRanger']);
    assert.deepEqual(o.disableAdmissionPlugins, ['ServiceAccount']);
    assert.equal(o.anonymousAuth, false);
    assert.equal(o.requestTimeoutMs, 30_000);
    assert.equal(o.shutdownDelayMs, 2000);
    assert.equal(o.verbosity, 4);
    assert.equal(o.securePort, 7443);
  });
  it('rejects a bad port', () => assert.throws(() => parse(['--secure-port=99999'])));
  it('validates', () => {
    const o = parse(['--tls-cert-file=a', '--enable-admission-plugins=X', '--disable-admission-plugins=X']);
    assert.deepEqual(validateServeOptions(o), [
      '--tls-cert-file and --tls-private-key-file must be given together',
      'X in both --enable-admission-plugins and --disable-admission-plugins',
    ]);
  });
  it('completes paths and picks SQLite without etcd', () => {
    const c = completeServeOptions(parse(['--data-dir=rel', '--audit-log-path=-']));
    assert.equal(c.dataDir, path.resolve('rel'));
    assert.equal(c.sqlitePath, path.join(path.resolve('rel'), 'kapi.db'));
    assert.equal(c.auditLogPath, '-');
    assert.equal(completeServeOptions(parse(['--etcd-servers=http://127.0.0.1:2379'])).sqlitePath, undefined);
  });
});
