/** The generated autoscaling and meta schemas and the autoscaling resources, as the server serves them. */
import * as autoscalingV1 from '../../../generated/autoscaling/v1/openapi.generated.js';
import * as autoscalingV2 from '../../../generated/autoscaling/v2/openapi.generated.js';
import * as autoscalingV2beta1 from '../../../generated/autoscaling/v2beta1/openapi.generated.js';
import * as autoscalingV2beta2 from '../../../generated/autoscaling/v2beta2/openapi.generated.js';
import { installAll } from '../../../generated/install.generated.js';
import * as metaV1 from '../../../generated/meta/v1/openapi.generated.js';
import { schemeDiscoverySource } from '../../../runtime/endpoints/discovery/source.js';
import { openAPISource } from '../../../runtime/endpoints/openapi/source.js';
import { Scheme } from '../../../runtime/machinery/scheme.js';

export const schemaModules = [autoscalingV1, autoscalingV2, autoscalingV2beta1, autoscalingV2beta2, metaV1];

export function autoscalingSource() {
  const scheme = new Scheme();
  installAll(scheme);
  const discovery = schemeDiscoverySource(scheme);
  return { discovery, openapi: openAPISource(discovery, schemaModules) };
}
