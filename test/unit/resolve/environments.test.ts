// Environment overlays: maps merge (header names case-insensitively), lists and scalars replace, unwritten keys
// keep the top level, and provenance points into environments.<env> exactly when the overlay writes the value.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { configModelOf, effectiveSettings, settingLocation } from '../../../server/src/engine/model/config';
import { action, CONFIG_FILE, header, hasHeader, ORG_ID, plan, planError } from './support';

const CONFIG = {
  globalVariables: { Authorization: 'Bearer ${secret:PROD_TOKEN}', 'X-Region': 'eu' },
  contextHeaders: { enabled: true, orgId: ORG_ID },
  segments: ['vip', 'customers'],
  contacts: {
    jane: { segments: ['vip'], externalId: 'cus_1', headers: { 'X-Tier': 'gold' }, queryParams: { lang: 'en' } },
  },
  environments: {
    staging: {
      globalVariables: { 'x-region': 'eu-staging', 'X-Debug': '1' },
      contacts: { jane: { headers: { 'X-Beta': 'yes' }, segments: [] } },
    },
    production: {},
    quiet: { contextHeaders: { enabled: false } },
    other: { segments: ['staff'], contacts: { sam: { externalId: 'cus_9' } } },
  },
  defaultContact: 'jane',
};

describe('configModelOf: an overlay keeps only the keys it writes', () => {
  const model = configModelOf(CONFIG)!;

  test('"segments": [] written is an empty list; not written is undefined', () => {
    assert.deepEqual(model.environments.staging.contacts?.jane, { headers: { 'X-Beta': 'yes' }, segments: [] });
    assert.deepEqual(model.environments.other.contacts?.sam, { externalId: 'cus_9' });
    assert.equal('segments' in model.environments.other.contacts!.sam, false);
  });

  test('an empty overlay writes nothing', () => {
    assert.deepEqual(model.environments.production, {});
  });

  test('a contextHeaders overlay keeps only what it writes', () => {
    assert.deepEqual(model.environments.quiet, { contextHeaders: { enabled: false } });
  });

  test('top-level contacts are complete, with empty maps for what they do not write', () => {
    assert.deepEqual(model.contacts.jane.pathParams, {});
    assert.deepEqual(model.contacts.jane.bodyParams, {});
  });

  test('a top-level contextHeaders without enabled is disabled', () => {
    assert.deepEqual(configModelOf({ contextHeaders: { orgId: ORG_ID } })!.contextHeaders, { enabled: false, orgId: ORG_ID });
  });
});

describe('effectiveSettings', () => {
  const model = configModelOf(CONFIG)!;

  test('global variables merge key by key, and the overlay replaces a name written in another case', () => {
    assert.deepEqual(effectiveSettings(model, 'staging').globalVariables, {
      Authorization: 'Bearer ${secret:PROD_TOKEN}',
      'x-region': 'eu-staging',
      'X-Debug': '1',
    });
  });

  test('"segments": [] in a contact overlay empties the list; an overlay without it keeps the list', () => {
    assert.deepEqual(effectiveSettings(model, 'staging').contacts.jane.segments, []);
    const config = configModelOf({ contacts: { jane: { segments: ['vip'] } }, environments: { e: { contacts: { jane: { headers: { A: 'b' } } } } } })!;
    assert.deepEqual(effectiveSettings(config, 'e').contacts.jane.segments, ['vip']);
  });

  test('a contact overlay merges its maps and keeps the externalId it does not write', () => {
    const jane = effectiveSettings(model, 'staging').contacts.jane;
    assert.deepEqual(jane.headers, { 'X-Tier': 'gold', 'X-Beta': 'yes' });
    assert.deepEqual(jane.queryParams, { lang: 'en' });
    assert.equal(jane.externalId, 'cus_1');
  });

  test('lists replace: the overlay segments replace the top-level ones', () => {
    assert.deepEqual(effectiveSettings(model, 'other').segments, ['staff']);
    assert.deepEqual(effectiveSettings(model, 'staging').segments, ['vip', 'customers']);
  });

  test('a contact only an environment defines is complete', () => {
    assert.deepEqual(effectiveSettings(model, 'other').contacts.sam, { segments: [], externalId: 'cus_9', headers: {}, queryParams: {}, pathParams: {}, bodyParams: {} });
  });

  test('contextHeaders.enabled: false in an overlay keeps the top-level orgId', () => {
    assert.deepEqual(effectiveSettings(model, 'quiet').contextHeaders, { enabled: false, orgId: ORG_ID });
  });
});

describe('settingLocation', () => {
  test('the overlay when it writes the leaf, the top level otherwise, undefined when neither', () => {
    assert.deepEqual(settingLocation(CONFIG, 'staging', ['globalVariables', 'X-Debug']), ['environments', 'staging', 'globalVariables', 'X-Debug']);
    assert.deepEqual(settingLocation(CONFIG, 'staging', ['globalVariables', 'Authorization']), ['globalVariables', 'Authorization']);
    assert.equal(settingLocation(CONFIG, 'staging', ['globalVariables', 'Nope']), undefined);
    assert.deepEqual(settingLocation(CONFIG, 'staging', ['contacts', 'jane', 'segments']), ['environments', 'staging', 'contacts', 'jane', 'segments']);
  });
});

describe('plans per environment', () => {
  test('provenance points into environments.<env> for overlaid values and to the top level for the rest', () => {
    const planned = plan(action(), { config: CONFIG, environment: 'staging' });
    assert.equal(planned.environment, 'staging');
    assert.deepEqual(header(planned, 'x-region'), {
      name: 'x-region', value: 'eu-staging', source: 'globalVariable', shadowed: [],
      location: { file: CONFIG_FILE, path: ['environments', 'staging', 'globalVariables', 'x-region'] },
    });
    assert.deepEqual(header(planned, 'Authorization').location, { file: CONFIG_FILE, path: ['globalVariables', 'Authorization'] });
    assert.deepEqual(header(planned, 'X-Beta').location, { file: CONFIG_FILE, path: ['environments', 'staging', 'contacts', 'jane', 'headers', 'X-Beta'] });
    assert.deepEqual(header(planned, 'X-Tier').location, { file: CONFIG_FILE, path: ['contacts', 'jane', 'headers', 'X-Tier'] });
  });

  test('the top level when no environment is chosen and there is no default', () => {
    const planned = plan(action(), { config: CONFIG });
    assert.equal(planned.environment, undefined);
    assert.equal(header(planned, 'X-Region').value, 'eu');
    assert.ok(!hasHeader(planned, 'X-Debug'));
  });

  test('defaultEnvironment applies when none is chosen; a chosen one wins over it', () => {
    const config = { ...CONFIG, defaultEnvironment: 'staging' };
    assert.equal(plan(action(), { config }).environment, 'staging');
    assert.equal(header(plan(action(), { config, environment: 'production' }), 'X-Region').value, 'eu');
  });

  test('an overlay can switch context headers off', () => {
    assert.ok(hasHeader(plan(action(), { config: CONFIG, environment: 'production' }), 'x-opencx-org-id'));
    assert.ok(!hasHeader(plan(action(), { config: CONFIG, environment: 'quiet' }), 'x-opencx-org-id'));
  });

  test('"segments": [] in the staging overlay makes jane see only unrestricted actions', () => {
    assert.equal(plan(action({ restrictedToSegments: ['vip'] }), { config: CONFIG }).visibleToContact, true);
    assert.equal(plan(action({ restrictedToSegments: ['vip'] }), { config: CONFIG, environment: 'staging' }).visibleToContact, false);
  });

  test('an unknown environment is an error listing the environments', () => {
    assert.deepEqual(planError(action(), { config: CONFIG, environment: 'prod' }), {
      code: 'unknown-environment',
      message: 'unknown environment "prod": opencx.config.json has no such environment; available: "staging", "production", "quiet", "other"',
      available: ['staging', 'production', 'quiet', 'other'],
    });
  });

  test('a defaultEnvironment that names nothing is an error that says it is the default', () => {
    const error = planError(action(), { config: { ...CONFIG, defaultEnvironment: 'dev' } });
    assert.equal(error.message, 'unknown defaultEnvironment "dev": opencx.config.json has no such environment; available: "staging", "production", "quiet", "other"');
  });

  test('without opencx.config.json there are no environments', () => {
    assert.deepEqual(planError(action(), { environment: 'staging' }).available, []);
  });
});
