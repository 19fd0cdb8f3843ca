/** Decoding through the full scheme, so tests see the defaults a request body gets. */
import { MEDIA_JSON, Scheme } from '../../runtime/machinery/scheme.js';
import { installAll } from '../../generated/install.generated.js';

let shared: Scheme | undefined;

export function scheme(): Scheme {
  if (!shared) {
    shared = new Scheme();
    installAll(shared);
  }
  return shared;
}

/** The internal object a JSON body decodes to, defaults applied. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function decoded(body: object): any {
  return scheme().decode(JSON.stringify(body), MEDIA_JSON).object;
}
