/** apps and batch validation over internal objects: one named row per case, upstream's exact messages. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type * as apps from '../../api-definitions/apps/types.js';
import type * as batch from '../../api-definitions/batch/types.js';
import type * as core from '../../api-definitions/core/types.js';
import {
  validateDaemonSet,
  validateDaemonSetUpdate,
  validateDeployment,
  validateDeploymentStatusUpdate,
  validateDeploymentUpdate,
  validateReplicaSet,
  validateStatefulSet,
  validateStatefulSetUpdate,
} from '../../api-definitions/apps/validation.js';
import { cronScheduleError, validateCronJob, validateCronJobUpdate, validateJob, validateJobUpdate } from '../../api-definitions/batch/validation.js';
import { errorStrings } from '../../runtime/machinery/validation/index.js';

const meta = { name: 'web', namespace: 'default', resourceVersion: '1' };
const template = (labels: Record<string, string> = { app: 'web' }, spec: Partial<core.PodSpec> = {}): core.PodTemplateSpec => ({
  metadata: { labels },
  spec: {
    containers: [{ name: 'c', image: 'nginx', imagePullPolicy: 'Always', terminationMessagePolicy: 'File', terminationMessagePath: '/dev/termination-log' }],
    restartPolicy: 'Always',
    dnsPolicy: 'ClusterFirst',
    ...spec,
  },
});
const selector = { matchLabels: { app: 'web' } };

const deployment = (spec: Partial<apps.DeploymentSpec> = {}): apps.Deployment => ({
  metadata: meta,
  spec: {
    replicas: 1,
    selector,
    template: template(),
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
    revisionHistoryLimit: 10,
    progressDeadlineSeconds: 600,
    ...spec,
  },
});

describe('validateDeployment', () => {
  const rows: [string, apps.Deployment, string[]][] = [
    ['valid', deployment(), []],
    ['negative replicas', deployment({ replicas: -1 }), ['spec.replicas: Invalid value: -1: must be greater than or equal to 0']],
    [
      'selector does not match',
      deployment({ template: template({ app: 'db' }) }),
      ['spec.template.metadata.labels: Invalid value: map[string]string{"app":"db"}: `selector` does not match template `labels`'],
    ],
    [
      'empty selector',
      deployment({ selector: {} }),
      ['spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment'],
    ],
    ['restart policy', deployment({ template: template({ app: 'web' }, { restartPolicy: 'Never' }) }), ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"']],
    [
      'template label checked at its own path',
      deployment({ selector: { matchLabels: { 'a b': 'x' } }, template: template({ 'a b': 'x' }) }),
      [
        "spec.selector.matchLabels: Invalid value: \"a b\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
        "spec.template.labels: Invalid value: \"a b\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      ],
    ],
    [
      'both surge and unavailable zero',
      deployment({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 0 } } }),
      ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0'],
    ],
    [
      'bad percentage',
      deployment({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25', maxSurge: '25%' } } }),
      ["spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 25: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"],
    ],
    [
      'unavailable above 100%',
      deployment({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '110%', maxSurge: '25%' } } }),
      ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 110%: must not be greater than 100%'],
    ],
    [
      'recreate with rolling update',
      deployment({ strategy: { type: 'Recreate', rollingUpdate: {} } }),
      ["spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"],
    ],
    ['progress deadline not above min ready', deployment({ minReadySeconds: 700 }), ['spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds']],
  ];
  for (const [name, obj, want] of rows) it(name, () => assert.deepEqual(errorStrings(validateDeployment(obj)), want));

  it('selector is immutable', () =>
    assert.deepEqual(errorStrings(validateDeploymentUpdate(deployment({ selector: { matchLabels: { app: 'web', v: '2' } }, template: template({ app: 'web', v: '2' }) }), deployment())), [
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web", "v":"2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ]));
  it('replicas may change', () => assert.deepEqual(errorStrings(validateDeploymentUpdate(deployment({ replicas: 5 }), deployment())), []));

  const statusRows: [string, apps.DeploymentStatus, string[]][] = [
    ['consistent status', { replicas: 3, updatedReplicas: 3, readyReplicas: 2, availableReplicas: 2 }, []],
    [
      'negative replicas',
      { replicas: -1 },
      [
        'status.replicas: Invalid value: -1: must be greater than or equal to 0',
        'status.updatedReplicas: Invalid value: 0: cannot be greater than status.replicas',
        'status.readyReplicas: Invalid value: 0: cannot be greater than status.replicas',
        'status.availableReplicas: Invalid value: 0: cannot be greater than status.replicas',
      ],
    ],
    ['more ready than replicas', { replicas: 1, readyReplicas: 2, availableReplicas: 1 }, ['status.readyReplicas: Invalid value: 2: cannot be greater than status.replicas']],
    ['more available than ready', { replicas: 3, readyReplicas: 1, availableReplicas: 2 }, ['status.availableReplicas: Invalid value: 2: cannot be greater than readyReplicas']],
  ];
  for (const [name, status, want] of statusRows) {
    it(`status update: ${name}`, () => assert.deepEqual(errorStrings(validateDeploymentStatusUpdate({ ...deployment(), status }, deployment())), want));
  }
});

const statefulSet = (spec: Partial<apps.StatefulSetSpec> = {}): apps.StatefulSet => ({
  metadata: meta,
  spec: {
    replicas: 1,
    selector,
    template: template({ app: 'web' }, { containers: [{ name: 'c', image: 'x', imagePullPolicy: 'Always', terminationMessagePolicy: 'File', volumeMounts: [{ name: 'data', mountPath: '/data' }] }] }),
    serviceName: 'web',
    podManagementPolicy: 'OrderedReady',
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
    volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'] } }],
    ...spec,
  },
});

describe('StatefulSets, DaemonSets, ReplicaSets', () => {
  const rows: [string, () => string[], string[]][] = [
    ['StatefulSet valid (mounts a claim template)', () => errorStrings(validateStatefulSet(statefulSet())), []],
    ['StatefulSet bad pod management', () => errorStrings(validateStatefulSet(statefulSet({ podManagementPolicy: 'Random' }))), [
      "spec.podManagementPolicy: Invalid value: \"Random\": must be 'OrderedReady' or 'Parallel'",
    ]],
    ['StatefulSet negative partition', () => errorStrings(validateStatefulSet(statefulSet({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: -1 } } }))), [
      'spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: must be greater than or equal to 0',
    ]],
    ['StatefulSet empty selector', () => errorStrings(validateStatefulSet(statefulSet({ selector: {} }))), [
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for statefulset',
    ]],
    ['StatefulSet replicas and template may change', () => errorStrings(validateStatefulSetUpdate(statefulSet({ replicas: 3 }), statefulSet())), []],
    ['StatefulSet serviceName may not change', () => errorStrings(validateStatefulSetUpdate(statefulSet({ serviceName: 'other' }), statefulSet())), [
      "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    ]],
    [
      'DaemonSet valid',
      () => errorStrings(validateDaemonSet({ metadata: meta, spec: { selector, template: template(), updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } } } })),
      [],
    ],
    [
      'DaemonSet surge and unavailable both set',
      () => errorStrings(validateDaemonSet({ metadata: meta, spec: { selector, template: template(), updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 1 } } } })),
      ['spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: 1: may not be set when maxUnavailable is non-zero'],
    ],
    [
      'DaemonSet both zero',
      () => errorStrings(validateDaemonSet({ metadata: meta, spec: { selector, template: template(), updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 0 } } } })),
      ['spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0'],
    ],
    [
      'DaemonSet selector is immutable',
      () => {
        const ds = (labels: Record<string, string>): apps.DaemonSet => ({
          metadata: meta,
          spec: { selector: { matchLabels: labels }, template: template(labels), updateStrategy: { type: 'OnDelete' } },
        });
        return errorStrings(validateDaemonSetUpdate(ds({ app: 'x' }), ds({ app: 'web' })));
      },
      ['spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable'],
    ],
    ['ReplicaSet empty selector says deployment', () => errorStrings(validateReplicaSet({ metadata: meta, spec: { replicas: 1, selector: {}, template: template() } })), [
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
    ]],
  ];
  for (const [name, run, want] of rows) it(name, () => assert.deepEqual(run(), want));
});

const UID = '0a1b2c3d';
const jobLabels = { 'batch.kubernetes.io/controller-uid': UID, 'batch.kubernetes.io/job-name': 'web', 'controller-uid': UID, 'job-name': 'web' };
const job = (spec: Partial<batch.JobSpec> = {}, restartPolicy = 'Never'): batch.Job => ({
  metadata: { ...meta, uid: UID },
  spec: {
    parallelism: 1,
    completions: 1,
    backoffLimit: 6,
    completionMode: 'NonIndexed',
    suspend: false,
    podReplacementPolicy: 'TerminatingOrFailed',
    selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': UID } },
    template: template(jobLabels, { restartPolicy }),
    ...spec,
  },
});

describe('validateJob', () => {
  const rows: [string, batch.Job, string[]][] = [
    ['valid', job(), []],
    ['restart Always', job({}, 'Always'), ['spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"']],
    ['negative parallelism', job({ parallelism: -1 }), ['spec.parallelism: Invalid value: -1: must be greater than or equal to 0']],
    ['negative backoff', job({ backoffLimit: -1 }), ['spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0']],
    ['bad completion mode', job({ completionMode: 'Sometimes' }), ['spec.completionMode: Unsupported value: "Sometimes": supported values: "NonIndexed", "Indexed"']],
    ['indexed without completions', job({ completionMode: 'Indexed', completions: undefined }), ['spec.completions: Required value: when completion mode is Indexed']],
    ['no selector', job({ selector: undefined }), ['spec.selector: Required value']],
    [
      'selector not generated',
      job({ selector: { matchLabels: { app: 'web' } }, template: template({ ...jobLabels, app: 'web' }, { restartPolicy: 'Never' }) }),
      ['spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: `selector` not auto-generated'],
    ],
    ['manual selector may be anything', job({ manualSelector: true, selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web' }, { restartPolicy: 'Never' }) }), []],
    [
      'backoff per index requires Indexed',
      job({ backoffLimitPerIndex: 1 }),
      ['spec.backoffLimitPerIndex: Forbidden: requires indexed completion mode'],
    ],
    [
      'replacement policy with failure policy',
      job({ podFailurePolicy: { rules: [] }, podReplacementPolicy: 'TerminatingOrFailed' }),
      ['spec.podReplacementPolicy: Unsupported value: "TerminatingOrFailed": supported values: "Failed"'],
    ],
  ];
  for (const [name, obj, want] of rows) it(name, () => assert.deepEqual(errorStrings(validateJob(obj)), want));

  it('template is immutable', () => {
    const changed = job({ template: template(jobLabels, { restartPolicy: 'OnFailure' }) });
    const got = errorStrings(validateJobUpdate(changed, job()));
    assert.equal(got.length, 1);
    assert.match(got[0], /^spec\.template: Invalid value: .*: field is immutable$/);
  });
  it('completions are immutable', () => assert.deepEqual(errorStrings(validateJobUpdate(job({ completions: 3 }), job())), ['spec.completions: Invalid value: 3: field is immutable']));
  it('suspend may change', () => assert.deepEqual(errorStrings(validateJobUpdate(job({ suspend: true }), job())), []));
});

const cronJob = (spec: Partial<batch.CronJobSpec> = {}, name = 'nightly'): batch.CronJob => ({
  metadata: { name, namespace: 'default', resourceVersion: '1' },
  spec: {
    schedule: '0 3 * * *',
    concurrencyPolicy: 'Allow',
    suspend: false,
    successfulJobsHistoryLimit: 3,
    failedJobsHistoryLimit: 1,
    jobTemplate: { spec: { template: template({ app: 'x' }, { restartPolicy: 'OnFailure' }) } },
    ...spec,
  },
});

describe('validateCronJob', () => {
  const rows: [string, batch.CronJob, string[]][] = [
    ['valid', cronJob(), []],
    ['descriptor', cronJob({ schedule: '@hourly' }), []],
    ['no schedule', cronJob({ schedule: '' }), ['spec.schedule: Required value']],
    ['bad schedule', cronJob({ schedule: 'every day' }), ['spec.schedule: Invalid value: "every day": expected exactly 5 fields, found 2: [every day]']],
    ['minute out of range', cronJob({ schedule: '61 * * * *' }), ['spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61']],
    ['TZ in schedule', cronJob({ schedule: 'TZ=UTC 0 3 * * *' }), ['spec.schedule: Invalid value: "TZ=UTC 0 3 * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead']],
    ['bad time zone', cronJob({ timeZone: 'Mars/Olympus' }), ['spec.timeZone: Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus']],
    ['good time zone', cronJob({ timeZone: 'Europe/Berlin' }), []],
    ['bad concurrency policy', cronJob({ concurrencyPolicy: 'Sometimes' }), ['spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"']],
    ['negative history', cronJob({ successfulJobsHistoryLimit: -1 }), ['spec.successfulJobsHistoryLimit: Invalid value: -1: must be greater than or equal to 0']],
    ['name too long', cronJob({}, 'a'.repeat(53)), [`metadata.name: Invalid value: "${'a'.repeat(53)}": must be no more than 52 characters`]],
    [
      'job template with a selector',
      cronJob({ jobTemplate: { spec: { selector, template: template({ app: 'web' }, { restartPolicy: 'Never' }) } } }),
      ['spec.jobTemplate.spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: `selector` will be auto-generated'],
    ],
    ['job template restarting Always', cronJob({ jobTemplate: { spec: { template: template() } } }), ['spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"']],
  ];
  for (const [name, obj, want] of rows) it(name, () => assert.deepEqual(errorStrings(validateCronJob(obj)), want));

  it('a long name stays updatable', () => assert.deepEqual(errorStrings(validateCronJobUpdate(cronJob({}, 'a'.repeat(53)), cronJob({}, 'a'.repeat(53)))), []));

  const schedules: [string, string, string | undefined][] = [
    ['steps', '*/15 * * * *', undefined],
    ['ranges and lists', '0 9-17 * * mon-fri', undefined],
    ['month names', '0 0 1 jan,jul *', undefined],
    ['reversed range', '0 5-3 * * *', 'beginning of range (5) beyond end of range (3): 5-3'],
    ['not a number', '0 x * * *', 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax'],
    ['day of month zero', '0 0 0 * *', 'beginning of range (0) below minimum (1): 0'],
  ];
  for (const [name, schedule, want] of schedules) it(`schedule: ${name}`, () => assert.equal(cronScheduleError(schedule), want));
});
