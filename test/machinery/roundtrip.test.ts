/**
 * Round-trip properties over every served kind of every version, with random objects built from
 * the API model (at least 20 per kind per version, seeded):
 *   version → hub → same version is lossless;
 *   the hub deep copy is equal and shares no object or array with its source;
 *   the JSON and protobuf encodings decode to equal objects.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ModelIndex } from '../../generators/model/lookup.js';
import type { StructModel } from '../../generators/model/types.js';
import { readApiModel } from '../../generators/reader/index.js';
import { installAll } from '../../generated/install.generated.js';
import { MEDIA_JSON, MEDIA_PROTOBUF, Scheme, type WireObject } from '../../runtime/machinery/scheme.js';
import { Fuzzer, Random } from '../support/fuzz.js';
import { assertNoSharedReferences } from '../support/sharing.js';

const OBJECTS_PER_KIND = 24;
const model = readApiModel(path.join(import.meta.dirname, '..', '..'));
const index = new ModelIndex(model);
const scheme = new Scheme();
installAll(scheme);

describe('round trips of random objects', () => {
  for (const group of model.groups) {
    for (const pkg of group.versions) {
      const kinds = pkg.types.filter((t): t is StructModel => t.kind === 'struct' && t.isKind);
      for (const kind of kinds) {
        const gvk = { group: group.groupName, version: pkg.version!, kind: kind.id.name };
        if (!scheme.recognizes(gvk)) continue;
        const label = `${group.dir}/${pkg.version} ${kind.id.name}`;
        it(`${label}: version → hub → version is lossless; deep copies share nothing; JSON and protobuf agree`, () => {
          for (let seed = 1; seed <= OBJECTS_PER_KIND; seed++) {
            const fuzzer = new Fuzzer(index, new Random(seed * 7919 + kind.id.name.length));
            const original = fuzzer.struct(kind);
            const where = `${label} seed ${seed}`;

            const hub = scheme.toInternal(structuredClone(original), gvk, { defaults: false });
            const back = scheme.fromInternal(hub, gvk);
            const { kind: _k, apiVersion: _a, ...backFields } = back;
            assert.deepEqual(backFields, original, `${where}: version → hub → version changed the object`);

            const copy = scheme.deepCopy(hub, group.groupName, kind.id.name);
            assert.deepEqual(copy, hub, `${where}: deep copy differs`);
            assertNoSharedReferences(copy, hub, where);

            const json = scheme.decodeVersioned(scheme.encode(hub, gvk, MEDIA_JSON), MEDIA_JSON).object;
            if (scheme.protobufCodec(gvk)) {
              const proto = scheme.decodeVersioned(scheme.encode(hub, gvk, MEDIA_PROTOBUF), MEDIA_PROTOBUF).object;
              const { kind: _k2, apiVersion: _a2, ...jsonFields } = json as WireObject;
              assert.deepEqual(proto, jsonFields, `${where}: protobuf and JSON decode differently`);
            }
          }
        });
      }
    }
  }
});
