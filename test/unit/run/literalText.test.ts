// Typed values enter a plan as literal text: a `${secret:NAME}` in one is marked so the executor does not fill it,
// and every place that sends or shows it removes the mark again.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fillJsonText, fillRaw, fillUrl, secretsUsedBy } from '../../../server/src/engine/execute/secrets';
import { planForDisplay } from '../../../server/src/engine/resolve';
import { markLiteralText, markLiteralValue, withoutLiteralMarks } from '../../../server/src/engine/run/literalText';
import { action, plan } from '../resolve/support';

const TYPED = 'see ${secret:K} and ${secret:K}';
const SECRETS = new Map([['K', 'v4lue']]);

describe('literal text in plans', () => {
  test('marked text is not filled, and comes back exactly as typed in each syntax', () => {
    const marked = markLiteralText(TYPED);
    assert.notEqual(marked, TYPED);
    assert.equal(fillRaw(marked, SECRETS), TYPED);
    assert.equal(fillJsonText(JSON.stringify(marked), SECRETS), JSON.stringify(TYPED));
    assert.equal(fillUrl(`https://a.test/?q=${encodeURIComponent(marked)}`, SECRETS), `https://a.test/?q=${encodeURIComponent(TYPED)}`);
    assert.equal(fillRaw('${secret:K}', SECRETS), 'v4lue', 'a written reference is still filled');
  });

  test('text without a reference is unchanged; JSON values are marked in keys and strings', () => {
    assert.equal(markLiteralText('plain $ {x}'), 'plain $ {x}');
    const marked = markLiteralValue({ '${secret:K}': ['${secret:K}', 1, null] }) as Record<string, unknown[]>;
    assert.deepEqual(JSON.parse(withoutLiteralMarks(JSON.stringify(marked))), { '${secret:K}': ['${secret:K}', 1, null] });
  });

  test('a plan from typed values uses no secret, and shows the text as typed', () => {
    const planned = plan(action({
      method: 'POST', endpoint: 'https://api.acme.com/notes/{id}', parameters: [{ name: 'id', in: 'path', required: true }],
      body: { type: 'object', properties: { note: { type: 'string' } } },
    }), { values: { id: TYPED, note: TYPED } });
    assert.deepEqual(secretsUsedBy(planned), []);
    assert.ok(!planned.notes.some((n) => n.includes('Secrets stay references')), planned.notes.join('\n'));
    const shown = planForDisplay(planned);
    assert.equal(shown.request.url, `https://api.acme.com/notes/${encodeURIComponent(TYPED)}`);
    assert.deepEqual(shown.request.body, { note: TYPED });
  });
});
