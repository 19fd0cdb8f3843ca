/** Sample objects of the golden case, and the same objects in protobufjs's message form. */
import type { Widget, WidgetList } from './testdata/every-field-kind/api-definitions/widgets/v1/types.js';

export const TEMPLATE = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } };
export const SETTINGS = [1, 'two', { three: 3 }];
export const MANAGED = { 'f:metadata': { 'f:labels': {} } };

/** Every field set, several to values that are easy to get wrong. */
export const FULL_WIDGET: Widget = {
  metadata: {
    name: 'w1',
    namespace: 'default',
    uid: '7f9c-11e8',
    resourceVersion: '42',
    generation: 3,
    creationTimestamp: '2008-01-01T01:01:01Z',
    labels: { tier: 'web', app: 'w' },
    annotations: { 'example.com/note': 'ünïcödé ✓' },
    finalizers: ['example.com/a', 'example.com/b'],
  },
  spec: {
    name: 'a name longer than sixteen bytes',
    replicas: -3,
    revision: 2 ** 40,
    ratio: 0.25,
    paused: false,
    payload: 'aGVsbG8=',
    startTime: '2008-01-01T01:01:01Z',
    renewTime: '2008-01-01T01:01:01.123456Z',
    memory: '1Gi',
    port: 'http',
    timeout: '1m30s',
    template: TEMPLATE,
    settings: SETTINGS,
    managed: MANAGED,
    selector: { tier: 'web', app: 'w' },
    tags: ['a', ''],
    ports: [80, -1, 0],
    containers: [{ name: 'c1', image: 'nginx:1.27' }, { name: 'c2' }],
    phase: 'Running',
    sidecar: { name: 'side' },
    limits: { memory: '1Gi', cpu: '500m' },
    containersByName: { main: { name: 'main' } },
    extra: { groups: ['g1', 'g2'], empty: [] },
    groups: ['x'],
    'x-extension': true,
    checkpoints: ['2020-02-29T12:00:00Z'],
    strategy: { type: 'Rolling', maxSurge: 2 },
    scores: { b: -(2 ** 40), a: 1 },
    volumes: [{ name: 'data', hostPath: '/srv', emptyDir: { name: 'e' } }, { name: 'bare' }],
    rules: [{ resourceNames: ['r'], operations: ['CREATE'], apiGroups: ['apps'], scope: '*' }],
  },
  status: { phase: 'Pending', observedGeneration: 0, lastUpdate: '1970-01-01T00:00:00Z' },
};

const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));

/**
 * FULL_WIDGET as protobufjs messages, written out by hand from the upstream message shapes:
 * Time as seconds and nanos, IntOrString with all three fields, and so on. Map keys are in
 * sorted order, because protobufjs writes entries in key insertion order.
 */
export const FULL_WIDGET_PB = {
  metadata: {
    name: 'w1',
    namespace: 'default',
    uid: '7f9c-11e8',
    resourceVersion: '42',
    generation: 3,
    creationTimestamp: { seconds: 1199149261, nanos: 0 },
    labels: { app: 'w', tier: 'web' },
    annotations: { 'example.com/note': 'ünïcödé ✓' },
    finalizers: ['example.com/a', 'example.com/b'],
  },
  spec: {
    name: 'a name longer than sixteen bytes',
    replicas: -3,
    revision: 2 ** 40,
    ratio: 0.25,
    paused: false,
    payload: Buffer.from('hello'),
    startTime: { seconds: 1199149261, nanos: 0 },
    renewTime: { seconds: 1199149261, nanos: 123456000 },
    memory: { string: '1Gi' },
    port: { type: 1, intVal: 0, strVal: 'http' },
    timeout: { duration: 90_000_000_000 },
    template: { raw: json(TEMPLATE) },
    settings: { raw: json(SETTINGS) },
    managed: { Raw: json(MANAGED) },
    selector: { app: 'w', tier: 'web' },
    tags: ['a', ''],
    ports: [80, -1, 0],
    containers: [{ name: 'c1', image: 'nginx:1.27' }, { name: 'c2' }],
    phase: 'Running',
    sidecar: { name: 'side' },
    limits: { cpu: { string: '500m' }, memory: { string: '1Gi' } },
    containersByName: { main: { name: 'main' } },
    extra: { empty: {}, groups: { items: ['g1', 'g2'] } },
    groups: { items: ['x'] },
    x_extension: true,
    checkpoints: [{ seconds: 1582977600, nanos: 0 }],
    strategy: { type: 'Rolling', maxSurge: { type: 0, intVal: 2, strVal: '' } },
    scores: { a: 1, b: -(2 ** 40) },
    // Go writes an embedded struct even when none of its fields is set.
    volumes: [
      { name: 'data', volumeSource: { hostPath: '/srv', emptyDir: { name: 'e' } } },
      { name: 'bare', volumeSource: {} },
    ],
    rules: [
      {
        resourceNames: ['r'],
        ruleWithOperations: { operations: ['CREATE'], rule: { apiGroups: ['apps'], scope: '*' } },
      },
    ],
  },
  status: { observedGeneration: 0, phase: 'Pending', lastUpdate: { seconds: 0, nanos: 0 } },
};

export const WIDGET_LIST: WidgetList = {
  metadata: { resourceVersion: '7', continue: 'token', remainingItemCount: 12 },
  items: [FULL_WIDGET, { metadata: { name: 'w2' }, spec: { strategy: {} } }, {}],
};

export const WIDGET_LIST_PB = {
  metadata: { resourceVersion: '7', continue: 'token', remainingItemCount: 12 },
  items: [FULL_WIDGET_PB, { metadata: { name: 'w2' }, spec: { strategy: {} } }, {}],
};
