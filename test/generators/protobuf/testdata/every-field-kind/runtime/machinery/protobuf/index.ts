// The goldens import the runtime by the path generated files use; this points it at the real one.
export * from '../../../../../../../../runtime/machinery/protobuf/index.js';
