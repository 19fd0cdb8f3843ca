/** apps/v1 and batch/v1 defaults through the scheme, with the values kube-apiserver sets. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decoded } from './defaults-support.js';

const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.25' }] } };
const workload = (kind: string, spec: object, apiVersion = 'apps/v1'): object => ({
  apiVersion,
  kind,
  metadata: { name: 'w', namespace: 'default' },
  spec,
});

describe('apps/v1 defaults', () => {
  it('Deployment', () => {
    const spec = decoded(workload('Deployment', { selector: { matchLabels: { app: 'web' } }, template })).spec;
    assert.equal(spec.replicas, 1);
    assert.deepEqual(spec.strategy, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } });
    assert.equal(spec.revisionHistoryLimit, 10);
    assert.equal(spec.progressDeadlineSeconds, 600);
    assert.equal(spec.template.spec.restartPolicy, 'Always');
    assert.equal(spec.template.spec.containers[0].imagePullPolicy, 'IfNotPresent');
  });

  it('Deployment with Recreate gets no rolling update', () => {
    const spec = decoded(workload('Deployment', { replicas: 0, selector: { matchLabels: { app: 'web' } }, template, strategy: { type: 'Recreate' } })).spec;
    assert.deepEqual(spec.strategy, { type: 'Recreate' });
    assert.equal(spec.replicas, 0);
  });

  it('StatefulSet', () => {
    const spec = decoded(
      workload('StatefulSet', {
        selector: { matchLabels: { app: 'web' } },
        template,
        serviceName: 'web',
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'] } }],
      }),
    ).spec;
    assert.equal(spec.replicas, 1);
    assert.equal(spec.podManagementPolicy, 'OrderedReady');
    assert.deepEqual(spec.updateStrategy, { type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
    assert.deepEqual(spec.persistentVolumeClaimRetentionPolicy, { whenDeleted: 'Retain', whenScaled: 'Retain' });
    assert.equal(spec.revisionHistoryLimit, 10);
    assert.equal(spec.volumeClaimTemplates[0].spec.volumeMode, 'Filesystem');
    assert.equal(spec.volumeClaimTemplates[0].status.phase, 'Pending');
  });

  it('StatefulSet OnDelete gets no rolling update', () => {
    const spec = decoded(workload('StatefulSet', { selector: { matchLabels: { app: 'web' } }, template, updateStrategy: { type: 'OnDelete' } })).spec;
    assert.deepEqual(spec.updateStrategy, { type: 'OnDelete' });
  });

  it('DaemonSet', () => {
    const spec = decoded(workload('DaemonSet', { selector: { matchLabels: { app: 'web' } }, template })).spec;
    assert.deepEqual(spec.updateStrategy, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
    assert.equal(spec.revisionHistoryLimit, 10);
  });

  it('ReplicaSet', () => {
    assert.equal(decoded(workload('ReplicaSet', { selector: { matchLabels: { app: 'web' } }, template })).spec.replicas, 1);
  });
});

describe('batch/v1 defaults', () => {
  const jobTemplate = { ...template, spec: { ...template.spec, restartPolicy: 'Never' } };

  it('Job', () => {
    const job = decoded(workload('Job', { template: jobTemplate }, 'batch/v1'));
    const spec = job.spec;
    assert.deepEqual([spec.completions, spec.parallelism, spec.backoffLimit], [1, 1, 6]);
    assert.equal(spec.completionMode, 'NonIndexed');
    assert.equal(spec.suspend, false);
    assert.equal(spec.podReplacementPolicy, 'TerminatingOrFailed');
    assert.deepEqual(job.metadata.labels, { app: 'web' });
    assert.equal(spec.template.spec.restartPolicy, 'Never');
  });

  it('Job with parallelism only leaves completions unset', () => {
    const spec = decoded(workload('Job', { template: jobTemplate, parallelism: 3 }, 'batch/v1')).spec;
    assert.deepEqual([spec.completions, spec.parallelism], [undefined, 3]);
  });

  it('Job with completions only runs one pod at a time', () => {
    const spec = decoded(workload('Job', { template: jobTemplate, completions: 5 }, 'batch/v1')).spec;
    assert.deepEqual([spec.completions, spec.parallelism], [5, 1]);
  });

  it('Job with a backoff limit per index', () => {
    const spec = decoded(workload('Job', { template: jobTemplate, completionMode: 'Indexed', completions: 2, backoffLimitPerIndex: 1 }, 'batch/v1')).spec;
    assert.equal(spec.backoffLimit, 2147483647);
  });

  it('Job with a pod failure policy replaces failed pods only', () => {
    const spec = decoded(
      workload('Job', { template: jobTemplate, podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }] } }, 'batch/v1'),
    ).spec;
    assert.equal(spec.podReplacementPolicy, 'Failed');
    assert.equal(spec.podFailurePolicy.rules[0].onPodConditions[0].status, 'True');
  });

  it('CronJob', () => {
    const spec = decoded(workload('CronJob', { schedule: '*/5 * * * *', jobTemplate: { spec: { template: jobTemplate } } }, 'batch/v1')).spec;
    assert.equal(spec.concurrencyPolicy, 'Allow');
    assert.equal(spec.suspend, false);
    assert.equal(spec.successfulJobsHistoryLimit, 3);
    assert.equal(spec.failedJobsHistoryLimit, 1);
    assert.equal(spec.jobTemplate.spec.template.spec.dnsPolicy, 'ClusterFirst');
  });
});
