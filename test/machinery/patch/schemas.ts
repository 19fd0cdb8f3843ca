/**
 * Patch metadata for the strategic merge tests, written as the patch generator writes it:
 * upstream's test struct MergeItem (k8s.io/apimachinery strategicpatch tests), and the part of
 * apps/v1 Deployment that kubectl's client-side apply patches touch.
 */
import type { KindPatchMeta, PatchMetaTable } from '../../../runtime/machinery/patch/meta.js';

const mergeItemFields = {
  name: { type: 'string' },
  value: { type: 'string' },
  other: { type: 'string' },
  mergingList: { type: '[]test.MergeItem', patchStrategy: 'merge', patchMergeKey: 'name' },
  nonMergingList: { type: '[]test.MergeItem' },
  mergingIntList: { type: '[]int64', patchStrategy: 'merge' },
  nonMergingIntList: { type: '[]int64' },
  // A pointer to a MergeItem upstream, which its tests fill with lists of items.
  mergeItemPtr: { type: '[]test.MergeItem', patchStrategy: 'merge', patchMergeKey: 'name' },
  simpleMap: { type: 'map[string]string' },
  replacingItem: { type: 'RawExtension', patchStrategy: 'replace' },
  retainKeysMap: { type: 'test.RetainKeysMergeItem', patchStrategy: 'retainKeys' },
  retainKeysMergingList: { type: '[]test.MergeItem', patchStrategy: 'merge,retainKeys', patchMergeKey: 'name' },
} as const;

const mergeItemTypes: PatchMetaTable = {
  'test.MergeItem': { fields: mergeItemFields },
  'test.RetainKeysMergeItem': {
    fields: {
      name: { type: 'string' },
      value: { type: 'string' },
      other: { type: 'string' },
      simpleMap: { type: 'map[string]string' },
      mergingIntList: { type: '[]int64', patchStrategy: 'merge' },
      mergingList: { type: '[]test.MergeItem', patchStrategy: 'merge', patchMergeKey: 'name' },
      nonMergingList: { type: '[]test.MergeItem' },
    },
  },
};

export const mergeItemMeta: KindPatchMeta = { types: mergeItemTypes, type: 'test.MergeItem' };

const deploymentTypes: PatchMetaTable = {
  'apps/v1.Deployment': {
    fields: {
      apiVersion: { type: 'string' },
      kind: { type: 'string' },
      metadata: { type: 'meta/v1.ObjectMeta' },
      spec: { type: 'apps/v1.DeploymentSpec' },
    },
  },
  'apps/v1.DeploymentSpec': {
    fields: {
      replicas: { type: 'int32' },
      selector: { type: 'meta/v1.LabelSelector' },
      template: { type: 'core/v1.PodTemplateSpec' },
      strategy: { type: 'apps/v1.DeploymentStrategy', patchStrategy: 'retainKeys' },
    },
  },
  'apps/v1.DeploymentStrategy': {
    fields: {
      type: { type: 'string' },
      rollingUpdate: { type: 'apps/v1.RollingUpdateDeployment' },
    },
  },
  'apps/v1.RollingUpdateDeployment': {
    fields: { maxUnavailable: { type: 'IntOrString' }, maxSurge: { type: 'IntOrString' } },
  },
  'core/v1.PodTemplateSpec': {
    fields: { metadata: { type: 'meta/v1.ObjectMeta' }, spec: { type: 'core/v1.PodSpec' } },
  },
  'core/v1.PodSpec': {
    fields: {
      volumes: {
        type: '[]core/v1.Volume',
        patchStrategy: 'merge,retainKeys',
        patchMergeKey: 'name',
        listType: 'map',
        listMapKeys: ['name'],
      },
      initContainers: {
        type: '[]core/v1.Container',
        patchStrategy: 'merge',
        patchMergeKey: 'name',
        listType: 'map',
        listMapKeys: ['name'],
      },
      containers: {
        type: '[]core/v1.Container',
        patchStrategy: 'merge',
        patchMergeKey: 'name',
        listType: 'map',
        listMapKeys: ['name'],
      },
      tolerations: { type: '[]core/v1.Toleration', listType: 'atomic' },
      imagePullSecrets: { type: '[]core/v1.LocalObjectReference', patchStrategy: 'merge', patchMergeKey: 'name' },
      nodeSelector: { type: 'map[string]string', mapType: 'atomic' },
    },
  },
  'core/v1.Container': {
    fields: {
      name: { type: 'string' },
      image: { type: 'string' },
      command: { type: '[]string', listType: 'atomic' },
      args: { type: '[]string', listType: 'atomic' },
      ports: {
        type: '[]core/v1.ContainerPort',
        patchStrategy: 'merge',
        patchMergeKey: 'containerPort',
        listType: 'map',
        listMapKeys: ['containerPort', 'protocol'],
      },
      env: {
        type: '[]core/v1.EnvVar',
        patchStrategy: 'merge',
        patchMergeKey: 'name',
        listType: 'map',
        listMapKeys: ['name'],
      },
      volumeMounts: { type: '[]core/v1.VolumeMount', patchStrategy: 'merge', patchMergeKey: 'mountPath' },
    },
  },
  'core/v1.ContainerPort': {
    fields: { name: { type: 'string' }, containerPort: { type: 'int32' }, protocol: { type: 'string' } },
  },
  'core/v1.EnvVar': { fields: { name: { type: 'string' }, value: { type: 'string' } } },
  'core/v1.VolumeMount': { fields: { name: { type: 'string' }, mountPath: { type: 'string' } } },
  'core/v1.Toleration': {
    fields: { key: { type: 'string' }, operator: { type: 'string' }, effect: { type: 'string' } },
  },
  'core/v1.LocalObjectReference': { fields: { name: { type: 'string' } } },
  'core/v1.Volume': {
    fields: {
      name: { type: 'string' },
      emptyDir: { type: 'core/v1.EmptyDirVolumeSource' },
      configMap: { type: 'core/v1.ConfigMapVolumeSource' },
    },
  },
  'core/v1.EmptyDirVolumeSource': { fields: { medium: { type: 'string' } } },
  'core/v1.ConfigMapVolumeSource': { fields: { name: { type: 'string' } } },
  'meta/v1.ObjectMeta': {
    fields: {
      name: { type: 'string' },
      labels: { type: 'map[string]string' },
      annotations: { type: 'map[string]string' },
      finalizers: { type: '[]string', patchStrategy: 'merge', listType: 'set' },
      ownerReferences: {
        type: '[]meta/v1.OwnerReference',
        patchStrategy: 'merge',
        patchMergeKey: 'uid',
        listType: 'map',
        listMapKeys: ['uid'],
      },
    },
  },
  'meta/v1.OwnerReference': {
    structType: 'atomic',
    fields: { uid: { type: 'string' }, kind: { type: 'string' }, name: { type: 'string' } },
  },
  'meta/v1.LabelSelector': {
    structType: 'atomic',
    fields: {
      matchLabels: { type: 'map[string]string' },
      matchExpressions: { type: '[]meta/v1.LabelSelectorRequirement', listType: 'atomic' },
    },
  },
  'meta/v1.LabelSelectorRequirement': {
    fields: { key: { type: 'string' }, operator: { type: 'string' }, values: { type: '[]string', listType: 'atomic' } },
  },
};

export const deploymentMeta: KindPatchMeta = { types: deploymentTypes, type: 'apps/v1.Deployment' };
