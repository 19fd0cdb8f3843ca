/**
 * The admission plugins kapi knows, in kube-apiserver's fixed order, and the chain
 * `--enable-admission-plugins` / `--disable-admission-plugins` select: upstream's default set
 * plus the enabled ones minus the disabled ones. Plugins upstream has and kapi does not
 * implement yet are accepted by name and reported, so that kube-apiserver command lines work.
 */
import { newForbidden } from '../machinery/errors.js';
import { newChain, type AdmissionChain, type AdmissionPlugin, type Attributes } from './interfaces.js';
import { namespaceLifecycle, type NamespaceLookup } from './namespace-lifecycle.js';

/** Every plugin name kube-apiserver accepts, in the order plugins run (AllOrderedPlugins). */
export const ALL_ORDERED_PLUGINS: readonly string[] = [
  'AlwaysAdmit',
  'NamespaceAutoProvision',
  'NamespaceLifecycle',
  'NamespaceExists',
  'LimitPodHardAntiAffinityTopology',
  'LimitRanger',
  'ServiceAccount',
  'NodeRestriction',
  'TaintNodesByCondition',
  'AlwaysPullImages',
  'ImagePolicyWebhook',
  'PodSecurity',
  'PodNodeSelector',
  'Priority',
  'DefaultTolerationSeconds',
  'PodTolerationRestriction',
  'EventRateLimit',
  'ExtendedResourceToleration',
  'DefaultStorageClass',
  'StorageObjectInUseProtection',
  'OwnerReferencesPermissionEnforcement',
  'PersistentVolumeClaimResize',
  'RuntimeClass',
  'CertificateApproval',
  'CertificateSigning',
  'ClusterTrustBundleAttest',
  'CertificateSubjectRestriction',
  'DefaultIngressClass',
  'DenyServiceExternalIPs',
  'PodTopologyLabels',
  'MutatingAdmissionPolicy',
  'MutatingAdmissionWebhook',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionWebhook',
  'ResourceQuota',
  'AlwaysDeny',
];

/** The plugins on when no flag says otherwise (kube-apiserver's DefaultOnAdmissionPlugins). */
export const DEFAULT_ON_PLUGINS: readonly string[] = [
  'NamespaceLifecycle',
  'LimitRanger',
  'ServiceAccount',
  'TaintNodesByCondition',
  'PodSecurity',
  'Priority',
  'DefaultTolerationSeconds',
  'DefaultStorageClass',
  'StorageObjectInUseProtection',
  'PersistentVolumeClaimResize',
  'RuntimeClass',
  'CertificateApproval',
  'CertificateSigning',
  'ClusterTrustBundleAttest',
  'CertificateSubjectRestriction',
  'DefaultIngressClass',
  'MutatingAdmissionWebhook',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionWebhook',
  'ResourceQuota',
];

/** What plugins may need from the server. */
export interface AdmissionDependencies {
  /** Namespace reads for NamespaceLifecycle; without it the plugin admits everything. */
  readonly namespaces?: NamespaceLookup;
}

type PluginFactory = (deps: AdmissionDependencies) => AdmissionPlugin;

const IMPLEMENTED: Readonly<Record<string, PluginFactory>> = {
  AlwaysAdmit: () => ({ name: 'AlwaysAdmit', handles: () => true, admit: () => {} }),
  NamespaceLifecycle: (deps) => namespaceLifecycle(deps.namespaces),
  AlwaysDeny: () => ({
    name: 'AlwaysDeny',
    handles: () => true,
    admit: (a: Attributes) => {
      throw newForbidden({ group: a.resource.group, resource: a.resource.resource }, a.name, 'admission control is denying all modifications');
    },
  }),
};

/** `--enable-admission-plugins` and `--disable-admission-plugins`. */
export interface AdmissionOptions {
  readonly enable?: readonly string[];
  readonly disable?: readonly string[];
}

/** Checks the flags as kube-apiserver does; returns the error messages. */
export function validateAdmissionOptions(options: AdmissionOptions): string[] {
  const errs: string[] = [];
  const known = new Set(ALL_ORDERED_PLUGINS);
  for (const name of options.enable ?? []) if (!known.has(name)) errs.push(`enable-admission-plugins plugin "${name}" is unknown`);
  for (const name of options.disable ?? []) if (!known.has(name)) errs.push(`disable-admission-plugins plugin "${name}" is unknown`);
  const disabled = new Set(options.disable ?? []);
  const overlap = (options.enable ?? []).filter((n) => disabled.has(n));
  if (overlap.length > 0) errs.push(`[${overlap.join(' ')}] in enable-admission-plugins and disable-admission-plugins overlapped`);
  return errs;
}

export interface BuiltChain {
  readonly chain: AdmissionChain;
  /** The plugins on, in order. */
  readonly enabled: readonly string[];
  /** Plugins on that kapi does not implement (skipped). */
  readonly unimplemented: readonly string[];
}

/** The chain the flags select. Throws on flags kube-apiserver would refuse. */
export function buildAdmissionChain(options: AdmissionOptions = {}, deps: AdmissionDependencies = {}): BuiltChain {
  const errs = validateAdmissionOptions(options);
  if (errs.length > 0) throw new Error(errs.join('; '));
  const on = new Set([...DEFAULT_ON_PLUGINS, ...(options.enable ?? [])]);
  for (const name of options.disable ?? []) on.delete(name);
  const enabled = ALL_ORDERED_PLUGINS.filter((name) => on.has(name));
  const plugins: AdmissionPlugin[] = [];
  const unimplemented: string[] = [];
  for (const name of enabled) {
    const factory = IMPLEMENTED[name];
    if (factory) plugins.push(factory(deps));
    else unimplemented.push(name);
  }
  return { chain: newChain(plugins), enabled, unimplemented };
}
