/**
 * The APIExtensionsServer tier: what serves CustomResourceDefinitions' custom resources. The
 * libraries beside it (validation/, schema/, cel/, naming/, conversion/) are used through it;
 * see ARCHITECTURE.md.
 */
export { CRDInformer, type CRDChange, type CRDListener, type CRDInformerOptions, type CRDSource } from './serving/crd-informer.js';
