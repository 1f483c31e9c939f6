// awsQuery XML: members in model order, lists as <member>, maps as <entry>, ISO-8601 timestamps, escaping, errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ShapeSchema } from '../../generated/schema.js';
import { escapeXml, writeQueryError, writeQueryResponse } from './query-xml.js';

const schema: Record<string, ShapeSchema> = {
  Output: {
    kind: 'structure',
    members: {
      Name: { target: 'String', jsonName: 'Name' },
      Created: { target: 'Timestamp', jsonName: 'Created' },
      Truncated: { target: 'Boolean', jsonName: 'Truncated' },
      Count: { target: 'Integer', jsonName: 'Count' },
      Items: { target: 'Items', jsonName: 'Items' },
      Attrs: { target: 'Attrs', jsonName: 'Attrs' },
    },
  },
  Items: { kind: 'list', member: 'String' },
  Attrs: { kind: 'map', key: 'String', value: 'String' },
  String: { kind: 'string' },
  Timestamp: { kind: 'timestamp' },
  Boolean: { kind: 'boolean' },
  Integer: { kind: 'integer' },
};

test('writes the response envelope with the result wrapper and the request id', () => {
  const xml = writeQueryResponse(schema, {
    action: 'GetThing',
    xmlNamespace: 'https://iam.amazonaws.com/doc/2010-05-08/',
    requestId: 'req-1',
    output: {
      shape: 'Output',
      wrapper: 'GetThingResult',
      value: { Items: ['a', 'b'], Name: 'x<y>&"z\'', Created: new Date('2024-01-02T03:04:05.678Z'), Truncated: false, Count: 0, Attrs: { k: 'v' } },
    },
  });
  assert.equal(
    xml,
    '<?xml version="1.0" encoding="UTF-8"?>\n<GetThingResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GetThingResult>' +
      '<Name>x&lt;y&gt;&amp;&quot;z&apos;</Name><Created>2024-01-02T03:04:05Z</Created><Truncated>false</Truncated><Count>0</Count>' +
      '<Items><member>a</member><member>b</member></Items><Attrs><entry><key>k</key><value>v</value></entry></Attrs>' +
      '</GetThingResult><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></GetThingResponse>',
  );
});

test('an operation without output has only the response metadata; absent members are left out', () => {
  assert.equal(
    writeQueryResponse(schema, { action: 'DeleteThing', xmlNamespace: 'ns', requestId: 'r' }),
    '<?xml version="1.0" encoding="UTF-8"?>\n<DeleteThingResponse xmlns="ns"><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></DeleteThingResponse>',
  );
  const empty = writeQueryResponse(schema, { action: 'X', xmlNamespace: 'ns', requestId: 'r', output: { shape: 'Output', wrapper: 'XResult', value: { Items: [] } } });
  assert.match(empty, /<XResult><Items><\/Items><\/XResult>/);
});

test('errors: Sender for client faults, Receiver for server faults, message escaped', () => {
  assert.equal(
    writeQueryError({ code: 'NoSuchEntity', fault: 'client', message: 'The user with name <a> cannot be found.' }, 'r1'),
    '<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse><Error><Type>Sender</Type><Code>NoSuchEntity</Code>' +
      '<Message>The user with name &lt;a&gt; cannot be found.</Message></Error><RequestId>r1</RequestId></ErrorResponse>',
  );
  assert.match(writeQueryError({ code: 'ServiceFailure', fault: 'server', message: 'm' }, 'r', 'ns'), /^<\?xml[^>]*>\n<ErrorResponse xmlns="ns"><Error><Type>Receiver<\/Type>/);
  assert.equal(escapeXml('a\rb'), 'a&#13;b');
});
