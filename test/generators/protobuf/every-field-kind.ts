/**
 * The model of testdata/every-field-kind: a small meta/v1 and widgets.example.com/v1, whose
 * WidgetSpec has a field of every kind the protobuf generator handles.
 */
import { fileURLToPath } from 'node:url';
import type { ApiModel } from '../../../generators/model/types.js';
import {
  alias,
  array,
  enumType,
  group,
  map,
  named,
  scalar,
  SourceFile,
  struct,
  TYPE_META_FIELDS,
  versionPackage,
} from './model-builders.js';

export const CASE_DIR = fileURLToPath(new URL('./testdata/every-field-kind/', import.meta.url));

const META = 'meta/v1';
const WIDGETS = 'widgets/v1';
const VOLUME_SOURCE = { name: 'VolumeSource', protobuf: 2 };
const RULE_WITH_OPERATIONS = { name: 'RuleWithOperations', protobuf: 2 };

export function everyFieldKindModel(): ApiModel {
  const metaSource = new SourceFile(
    'api-definitions/meta/v1/types.ts',
    `${CASE_DIR}api-definitions/meta/v1/types.ts`,
  );
  const source = new SourceFile(
    'api-definitions/widgets/v1/types.ts',
    `${CASE_DIR}api-definitions/widgets/v1/types.ts`,
  );
  const meta = versionPackage('meta', 'v1', [
    struct(metaSource, META, 'TypeMeta', [
      { name: 'kind', type: scalar('string') },
      { name: 'apiVersion', type: scalar('string') },
    ]),
    struct(metaSource, META, 'ObjectMeta', [
      { name: 'name', type: scalar('string'), protobuf: 1 },
      { name: 'namespace', type: scalar('string'), protobuf: 3 },
      { name: 'uid', type: scalar('string'), protobuf: 5 },
      { name: 'resourceVersion', type: scalar('string'), protobuf: 6 },
      { name: 'generation', type: scalar('int64'), protobuf: 7 },
      { name: 'creationTimestamp', type: scalar('Time'), protobuf: 8 },
      { name: 'labels', type: map(scalar('string')), protobuf: 11 },
      { name: 'annotations', type: map(scalar('string')), protobuf: 12 },
      { name: 'finalizers', type: array(scalar('string')), protobuf: 14 },
    ]),
    struct(metaSource, META, 'ListMeta', [
      { name: 'resourceVersion', type: scalar('string'), protobuf: 2 },
      { name: 'continue', type: scalar('string'), protobuf: 3 },
      { name: 'remainingItemCount', type: scalar('int64'), protobuf: 4 },
    ]),
  ]);
  const widgets = versionPackage('widgets', 'v1', [
    struct(
      source,
      WIDGETS,
      'Widget',
      [
        ...TYPE_META_FIELDS,
        { name: 'metadata', type: named(META, 'ObjectMeta'), protobuf: 1 },
        { name: 'spec', type: named(WIDGETS, 'WidgetSpec'), protobuf: 2 },
        { name: 'status', type: named(WIDGETS, 'WidgetStatus'), protobuf: 3 },
      ],
      { isKind: true },
    ),
    struct(
      source,
      WIDGETS,
      'WidgetList',
      [
        ...TYPE_META_FIELDS,
        { name: 'metadata', type: named(META, 'ListMeta'), protobuf: 1 },
        { name: 'items', type: array(named(WIDGETS, 'Widget')), protobuf: 2, optional: false },
      ],
      { isKind: true, isList: true },
    ),
    enumType(source, WIDGETS, 'Phase', ['Pending', 'Running', 'Failed']),
    alias(source, WIDGETS, 'ExtraValue', array(scalar('string'))),
    alias(source, WIDGETS, 'ResourceList', map(scalar('Quantity'))),
    alias(source, WIDGETS, 'Sidecar', named(WIDGETS, 'Container')),
    struct(source, WIDGETS, 'WidgetSpec', [
      { name: 'name', type: scalar('string'), protobuf: 1 },
      { name: 'replicas', type: scalar('int32'), protobuf: 2 },
      { name: 'revision', type: scalar('int64'), protobuf: 3 },
      { name: 'ratio', type: scalar('float64'), protobuf: 4 },
      { name: 'paused', type: scalar('boolean'), protobuf: 5 },
      { name: 'payload', type: scalar('bytes'), protobuf: 6 },
      { name: 'startTime', type: scalar('Time'), protobuf: 7 },
      { name: 'renewTime', type: scalar('MicroTime'), protobuf: 8 },
      { name: 'memory', type: scalar('Quantity'), protobuf: 9 },
      { name: 'port', type: scalar('IntOrString'), protobuf: 10 },
      { name: 'timeout', type: scalar('Duration'), protobuf: 11 },
      { name: 'template', type: scalar('RawExtension'), protobuf: 12 },
      { name: 'settings', type: scalar('JSON'), protobuf: 13 },
      { name: 'managed', type: scalar('FieldsV1'), protobuf: 14 },
      { name: 'selector', type: map(scalar('string')), protobuf: 15 },
      { name: 'tags', type: array(scalar('string')), protobuf: 16 },
      { name: 'ports', type: array(scalar('int32')), protobuf: 17 },
      { name: 'containers', type: array(named(WIDGETS, 'Container')), protobuf: 18 },
      { name: 'phase', type: named(WIDGETS, 'Phase'), protobuf: 19 },
      { name: 'sidecar', type: named(WIDGETS, 'Sidecar'), protobuf: 20 },
      { name: 'limits', type: named(WIDGETS, 'ResourceList'), protobuf: 21 },
      { name: 'containersByName', type: map(named(WIDGETS, 'Container')), protobuf: 22 },
      { name: 'extra', type: map(named(WIDGETS, 'ExtraValue')), protobuf: 23 },
      { name: 'groups', type: named(WIDGETS, 'ExtraValue'), protobuf: 24 },
      { name: 'x-extension', type: scalar('boolean'), protobuf: 25 },
      { name: 'checkpoints', type: array(scalar('Time')), protobuf: 26 },
      { name: 'strategy', type: named(WIDGETS, 'Strategy'), protobuf: 27, optional: false },
      { name: 'scores', type: map(scalar('int64')), protobuf: 28 },
      { name: 'volumes', type: array(named(WIDGETS, 'Volume')), protobuf: 29 },
      { name: 'rules', type: array(named(WIDGETS, 'NamedRule')), protobuf: 30 },
    ]),
    struct(source, WIDGETS, 'Volume', [
      { name: 'hostPath', type: scalar('string'), protobuf: 1, inlined: true, embeddedIn: VOLUME_SOURCE },
      { name: 'emptyDir', type: named(WIDGETS, 'Container'), protobuf: 2, inlined: true, embeddedIn: VOLUME_SOURCE },
      { name: 'name', type: scalar('string'), protobuf: 1, optional: false },
    ]),
    struct(source, WIDGETS, 'VolumeSource', [
      { name: 'hostPath', type: scalar('string'), protobuf: 1 },
      { name: 'emptyDir', type: named(WIDGETS, 'Container'), protobuf: 2 },
    ]),
    struct(source, WIDGETS, 'NamedRule', [
      { name: 'apiGroups', type: array(scalar('string')), protobuf: 1, inlined: true, embeddedIn: RULE_WITH_OPERATIONS },
      { name: 'scope', type: scalar('string'), protobuf: 2, inlined: true, embeddedIn: RULE_WITH_OPERATIONS },
      { name: 'operations', type: array(scalar('string')), protobuf: 1, inlined: true, embeddedIn: RULE_WITH_OPERATIONS },
      { name: 'resourceNames', type: array(scalar('string')), protobuf: 1 },
    ]),
    struct(source, WIDGETS, 'RuleWithOperations', [
      { name: 'apiGroups', type: array(scalar('string')), protobuf: 1, inlined: true, embeddedIn: { name: 'Rule', protobuf: 2 } },
      { name: 'scope', type: scalar('string'), protobuf: 2, inlined: true, embeddedIn: { name: 'Rule', protobuf: 2 } },
      { name: 'operations', type: array(scalar('string')), protobuf: 1 },
    ]),
    struct(source, WIDGETS, 'Rule', [
      { name: 'apiGroups', type: array(scalar('string')), protobuf: 1 },
      { name: 'scope', type: scalar('string'), protobuf: 2 },
    ]),
    struct(source, WIDGETS, 'Container', [
      { name: 'name', type: scalar('string'), protobuf: 1, optional: false },
      { name: 'image', type: scalar('string'), protobuf: 2 },
    ]),
    struct(source, WIDGETS, 'Strategy', [
      { name: 'type', type: scalar('string'), protobuf: 1 },
      { name: 'maxSurge', type: scalar('IntOrString'), protobuf: 2 },
    ]),
    struct(source, WIDGETS, 'WidgetStatus', [
      { name: 'phase', type: named(WIDGETS, 'Phase'), protobuf: 2 },
      { name: 'observedGeneration', type: scalar('int64'), protobuf: 1 },
      { name: 'lastUpdate', type: scalar('Time'), protobuf: 3 },
    ]),
  ]);
  return {
    groups: [
      group('meta', 'meta.k8s.io', 'k8s.io/apimachinery/pkg/apis/meta', [meta]),
      group('widgets', 'widgets.example.com', 'widgets.example.com', [widgets]),
    ],
  };
}
