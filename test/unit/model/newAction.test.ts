// "OpenCX: New Action" writes a file that the schema accepts at once and that names its path parameters.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lintDocument } from '../../../server/src/engine/lint/lint';
import { actionFileName, newActionText, pathPlaceholders } from '../../../server/src/engine/model/newAction';

describe('new action template', () => {
  test('a GET with two path placeholders: valid, both parameters required, no body', () => {
    const made = newActionText({ name: 'Look up invoice line', method: 'GET', endpoint: 'https://api.example.com/invoices/{invoice_id}/lines/{line}' });
    const { findings } = lintDocument({ kind: 'action', text: made.text });
    assert.deepEqual(findings.filter((f) => f.severity === 'error'), []);
    const action = JSON.parse(made.text);
    assert.deepEqual(action.parameters.map((p: { name: string; in: string; required: boolean }) => [p.name, p.in, p.required]), [['invoice_id', 'path', true], ['line', 'path', true]]);
    assert.equal(action.body, null);
    assert.deepEqual(action.channels, ['widget']);
  });

  test('a POST gets an object body schema and stays valid', () => {
    const made = newActionText({ name: 'Create return', method: 'POST', endpoint: 'https://api.example.com/returns' });
    assert.deepEqual(lintDocument({ kind: 'action', text: made.text }).findings.filter((f) => f.severity === 'error'), []);
    assert.equal(JSON.parse(made.text).body.type, 'object');
  });

  test('the description range covers exactly the placeholder, so the editor can select it', () => {
    const made = newActionText({ name: 'Cancel order', method: 'DELETE', endpoint: 'https://api.example.com/orders/{id}' });
    assert.equal(made.text.slice(made.description.start, made.description.end), JSON.parse(made.text).description);
  });

  test('file names are kebab case and never empty', () => {
    assert.equal(actionFileName('Look up Order (v2)'), 'look-up-order-v2.action.json');
    assert.equal(actionFileName('Café crème'), 'cafe-creme.action.json');
    assert.equal(actionFileName('¿¿??'), 'new-action.action.json');
  });

  test('placeholders are listed once, in order', () => {
    assert.deepEqual(pathPlaceholders('https://x.example/{a}/{b}/{a}'), ['a', 'b']);
  });
});
