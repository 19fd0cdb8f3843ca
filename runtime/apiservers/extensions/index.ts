/**
 * The APIExtensionsServer tier: what serves CustomResourceDefinitions' custom resources. The
 * libraries beside it (validation/, schema/, cel/, naming/, conversion/) are used through it;
 * see ARCHITECTURE.md.
 */
export { CRDInformer, type CRDChange, type CRDListener, type CRDInformerOptions, type CRDSource } from './serving/crd-informer.js';
export { CustomResourceHandler, isServed, isTerminating } from './serving/crd-handler.js';
export { customResourceDiscovery, customResourceGroups } from './serving/discovery.js';
export { CRDServingInfo, type ServingDependencies } from './serving/serving-info.js';
export { serveCustomResources, type CustomResourceServing, type CustomResourceServingOptions } from './serving/serve.js';
export { compareKubeAwareVersions, servedVersions, sortByKubeAwareVersion } from './serving/version-priority.js';
