/** The content checks with upstream's exact messages, one named row per case. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  isConfigMapKey,
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isEnvVarName,
  isQualifiedName,
  isValidLabelValue,
  isValidPathSegmentName,
  isValidPathSegmentPrefix,
  isValidPercent,
  isValidPortName,
  isValidPortNum,
} from '../../../runtime/machinery/validation/index.js';

const QN_MSG =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const CM_MSG =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";
const ENV_MSG =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";

type Row = [name: string, check: (v: string) => string[], value: string, expected: string[]];

const rows: Row[] = [
  ['label: simple', isDNS1123Label, 'my-name', []],
  ['label: digits first', isDNS1123Label, '123-abc', []],
  ['label: 63 characters', isDNS1123Label, 'a'.repeat(63), []],
  ['label: 64 characters', isDNS1123Label, 'a'.repeat(64), ['must be no more than 63 characters']],
  ['label: upper case', isDNS1123Label, 'MyName', [LABEL_MSG]],
  ['label: empty', isDNS1123Label, '', [LABEL_MSG]],
  ['label: trailing dash', isDNS1123Label, 'a-', [LABEL_MSG]],
  ['label: dots', isDNS1123Label, 'a.b', ['must not contain dots']],
  ['subdomain: dotted', isDNS1123Subdomain, 'example.com', []],
  ['subdomain: 253 characters', isDNS1123Subdomain, `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`, []],
  ['subdomain: 254 characters', isDNS1123Subdomain, 'a'.repeat(254), ['must be no more than 253 characters']],
  ['subdomain: underscore', isDNS1123Subdomain, 'my_name', [SUBDOMAIN_MSG]],
  ['subdomain: double dot', isDNS1123Subdomain, 'a..b', [SUBDOMAIN_MSG]],
  ['subdomain: upper case', isDNS1123Subdomain, 'Web', [SUBDOMAIN_MSG]],
  ['dns1035: simple', isDNS1035Label, 'abc-123', []],
  ['dns1035: leading digit', isDNS1035Label, '1abc', [DNS1035_MSG]],
  ['dns1035: too long', isDNS1035Label, 'a'.repeat(64), ['must be no more than 63 characters']],
  ['qualified name: plain', isQualifiedName, 'app', []],
  ['qualified name: prefixed', isQualifiedName, 'example.com/MyName', []],
  ['qualified name: dots and underscores', isQualifiedName, 'my.name_x', []],
  ['qualified name: empty', isQualifiedName, '', ['name part must be non-empty', `name part ${QN_MSG}`]],
  ['qualified name: empty prefix', isQualifiedName, '/a', ['prefix part must be non-empty']],
  ['qualified name: bad prefix', isQualifiedName, 'Example.com/a', [`prefix part ${SUBDOMAIN_MSG}`]],
  ['qualified name: empty name part', isQualifiedName, 'example.com/', ['name part must be non-empty', `name part ${QN_MSG}`]],
  ['qualified name: name part too long', isQualifiedName, 'a'.repeat(64), ['name part must be no more than 63 characters']],
  ['qualified name: leading dash', isQualifiedName, '-a', [`name part ${QN_MSG}`]],
  [
    'qualified name: two slashes',
    isQualifiedName,
    'a/b/c',
    [`a qualified name ${QN_MSG} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`],
  ],
  ['label value: empty', isValidLabelValue, '', []],
  ['label value: plain', isValidLabelValue, 'my_value', []],
  ['label value: too long', isValidLabelValue, 'a'.repeat(64), ['must be no more than 63 characters']],
  ['label value: space', isValidLabelValue, 'a b', [VALUE_MSG]],
  ['label value: trailing dot', isValidLabelValue, 'a.', [VALUE_MSG]],
  ['port name: http', isValidPortName, 'http', []],
  ['port name: too long', isValidPortName, 'abcdefghijklmnop', ['must be no more than 15 characters']],
  ['port name: upper case', isValidPortName, 'HTTP', ['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', 'must contain at least one letter (a-z)']],
  ['port name: digits only', isValidPortName, '123', ['must contain at least one letter (a-z)']],
  ['port name: double hyphen', isValidPortName, 'a--b', ['must not contain consecutive hyphens']],
  ['port name: leading hyphen', isValidPortName, '-ab', ['must not begin or end with a hyphen']],
  ['config key: plain', isConfigMapKey, 'key.name', []],
  ['config key: slash', isConfigMapKey, 'a/b', [CM_MSG]],
  ['config key: dot', isConfigMapKey, '.', ["must not be '.'"]],
  ['config key: dot dot', isConfigMapKey, '..', ["must not be '..'"]],
  ['config key: dot dot prefix', isConfigMapKey, '..a', ["must not start with '..'"]],
  ['config key: too long', isConfigMapKey, 'a'.repeat(254), ['must be no more than 253 characters']],
  ['env name: plain', isEnvVarName, 'MY_ENV.NAME', []],
  ['env name: leading digit', isEnvVarName, '1A', [ENV_MSG]],
  ['env name: equals sign', isEnvVarName, 'A=B', [ENV_MSG]],
  ['env name: dot dot', isEnvVarName, '..', ["must not be '..'"]],
  ['path segment: plain', isValidPathSegmentName, 'a:b', []],
  ['path segment: dot', isValidPathSegmentName, '.', ["may not be '.'"]],
  ['path segment: dot dot', isValidPathSegmentName, '..', ["may not be '..'"]],
  ['path segment: slash and percent', isValidPathSegmentName, 'a/b%c', ["may not contain '/'", "may not contain '%'"]],
  ['path segment prefix: dot allowed', isValidPathSegmentPrefix, '.', []],
  ['percent: ok', isValidPercent, '25%', []],
  ["percent: no sign", isValidPercent, '25', ["a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"]],
];

describe('content validators', () => {
  for (const [name, check, value, expected] of rows) {
    it(name, () => assert.deepEqual(check(value), expected));
  }
});

describe('isValidPortNum', () => {
  const ports: [string, number, string[]][] = [
    ['lowest', 1, []],
    ['highest', 65535, []],
    ['zero', 0, ['must be between 1 and 65535, inclusive']],
    ['above range', 65536, ['must be between 1 and 65535, inclusive']],
    ['negative', -1, ['must be between 1 and 65535, inclusive']],
  ];
  for (const [name, port, expected] of ports) it(name, () => assert.deepEqual(isValidPortNum(port), expected));
});
